/* `npm start`: build, then serve the add-in and the standalone page on https://localhost:3000/ and
 * print how to sideload manifest.xml.
 *
 * HTTPS uses the certificate files of office-addin-dev-certs (~/.office-addin-dev-certs). Its
 * getHttpsServerOptions() throws when it cannot trust its CA (that needs sudo/admin), so we only
 * generate the files and use them; trusting ca.crt is a step the README explains. When no
 * certificate can be had, plain http is served with a clear message (the standalone page works;
 * Excel needs https). */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { serve } = require('./serve');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const port = Number(process.env.PORT || 3000);

async function tlsOptions() {
  const certs = require('office-addin-dev-certs/lib/defaults');
  const files = { ca: certs.caCertificatePath, cert: certs.localhostCertificatePath, key: certs.localhostKeyPath };
  if (!fs.existsSync(files.cert) || !fs.existsSync(files.key)) {
    try {
      const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
      await generateCertificates();
    } catch (error) {
      console.warn(`Không tạo được chứng chỉ HTTPS cho localhost: ${error.message}`);
      return null;
    }
  }
  return { key: fs.readFileSync(files.key), cert: fs.readFileSync(files.cert), caPath: files.ca };
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    console.log('Đang build (webpack)…');
    const build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(build.status || 1);
  }
  const tls = await tlsOptions();
  let served;
  try {
    served = await serve({ root: dist, port, tls: tls && { key: tls.key, cert: tls.cert } });
  } catch (error) {
    console.error(`Không mở được cổng ${port}: ${error.message}. Đặt biến PORT để dùng cổng khác (khi đó manifest cần build lại với --env origin=…).`);
    process.exit(1);
  }
  const { url } = served;
  const lines = [
    '',
    `Bốn Tốt đang chạy tại ${url}`,
    '',
    `  Trang kiểm tra tệp .xlsx (mở sẵn sổ tính ví dụ): ${url}taskpane.html?sample=chi-bo-mau`,
    `  Hướng dẫn các hàm BONTOT:                 ${url}help/functions.html`,
    `  Manifest:                                  ${path.join(dist, 'manifest.xml')}`,
    '',
  ];
  if (!tls) {
    lines.push(
      'CHÚ Ý: đang phục vụ bằng http vì không có chứng chỉ HTTPS. Trang kiểm tra tệp vẫn dùng được;',
      'Excel chỉ nạp phần bổ trợ qua https (xem README, mục "Cài vào Excel").',
      '',
    );
  } else {
    lines.push(
      `Chứng chỉ: ${tls.caPath} — nếu trình duyệt hoặc Excel báo chứng chỉ không tin cậy, hãy tin cậy tệp CA này`,
      '(Windows: certutil -addstore -user Root ca.crt; macOS: Keychain Access → System → Always Trust).',
      '',
    );
  }
  lines.push(
    'Cài vào Excel (sideload manifest.xml):',
    '  • Excel trên web: mở một sổ → Trang đầu → Phần bổ trợ → Thêm phần bổ trợ khác → Tải lên phần bổ trợ của tôi →',
    '    chọn manifest.xml ở trên → Tải lên. Nút "Bốn Tốt" xuất hiện trên thẻ Trang đầu.',
    '  • Excel trên Windows: chia sẻ thư mục chứa manifest.xml (\\\\máy\\thư-mục), thêm đường dẫn đó vào Tệp → Tùy chọn →',
    '    Trung tâm Tin cậy → Cài đặt Trung tâm Tin cậy → Danh mục Phần bổ trợ Tin cậy (chọn "Hiện trong Menu"), khởi động lại',
    '    Excel → Chèn → Phần bổ trợ của tôi → THƯ MỤC DÙNG CHUNG → Bốn Tốt.',
    '  • Excel trên Mac: chép manifest.xml vào ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ rồi mở lại',
    '    Excel → Chèn → Phần bổ trợ của tôi → Bốn Tốt.',
    '',
    'Nhấn Ctrl+C để dừng.',
  );
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
