/* `npm start`: check the port, build what is out of date (the add-in, the page and the CLI), serve
 * dist/ on https://localhost:3000/ and print — last, after any build output — the URLs, how to
 * trust the certificate and how to sideload manifest.xml.
 *
 *   npm start                   build when dist/ is older than the sources, then serve
 *   npm start -- --no-build     serve dist/ as it is (says so when it is out of date)
 *   PORT=3001 npm start         another port (the manifest then needs --env origin=…)
 *
 * HTTPS uses the certificate files of office-addin-dev-certs (~/.office-addin-dev-certs), renewed
 * when expired or close to it (scripts/devcerts.js). Its getHttpsServerOptions() throws when it
 * cannot trust its CA (that needs sudo/admin), so we only generate the files and use them, and
 * print the commands that trust the CA. Plain http on the same port is redirected to https. When
 * no certificate can be had, plain http is served with a clear message (the standalone page works;
 * Excel needs https). */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { serve, portProblem } = require('./serve');
const { buildNeeded, touchOutputs } = require('./buildState');
const { ensureDevCertificates, trustCommands } = require('./devcerts');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const port = Number(process.env.PORT || 3000);
const host = 'localhost';

function run(args, label) {
  console.log(`Đang build ${label}…`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Build ${label} không thành công (mã ${result.status}).`);
    process.exit(result.status || 1);
  }
}

function build() {
  const reason = buildNeeded(root);
  if (process.argv.includes('--no-build')) {
    return reason ? `Không build (--no-build), dù ${reason}.` : 'Không build (--no-build); dist/ đã mới nhất.';
  }
  if (reason === null) return 'dist/ đã mới nhất so với mã nguồn: bỏ qua bước build (npm run build để build lại).';
  console.log(`Cần build: ${reason}.`);
  run([require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], 'phần bổ trợ và trang kiểm tra (webpack)');
  run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], 'dòng lệnh bontot (tsc)');
  // bin/bontot.js runs the bundle when there is one: it is rebuilt with tsc's output, never left stale.
  run([require.resolve('webpack-cli/bin/cli.js'), '-c', 'webpack.cli.config.js', '--mode', 'production'], 'dòng lệnh bontot (webpack)');
  touchOutputs(root);
  return 'Đã build dist/ (phần bổ trợ, trang kiểm tra, dòng lệnh bontot).';
}

async function certificates() {
  try {
    return { ok: true, ...(await ensureDevCertificates()) };
  } catch (error) {
    return { ok: false, error };
  }
}

async function main() {
  // 1. The port first: a busy port is reported at once, not after a build.
  const problem = await portProblem(port, host);
  if (problem) {
    const why = problem.code === 'EADDRINUSE' ? 'đang có chương trình khác dùng (có thể là một `npm start` khác)' : problem.message;
    console.error(`Không mở được cổng ${port}: ${why}.`);
    console.error(
      `Dừng chương trình đó, hoặc chạy với cổng khác: PORT=3001 npm start (khi đó Excel cần manifest build lại với --env origin=https://localhost:3001/).`,
    );
    process.exit(1);
  }

  // 2. The build (its output scrolls by here, before the useful lines).
  const buildNote = build();

  // 3. The certificate.
  const certs = await certificates();
  let served;
  try {
    const tls = certs.ok ? { key: fs.readFileSync(certs.files.key), cert: fs.readFileSync(certs.files.cert) } : null;
    served = await serve({ root: dist, port, host, tls });
  } catch (error) {
    console.error(`Không mở được cổng ${port}: ${error.message}.`);
    process.exit(1);
  }
  const { url } = served;

  // 4. The useful lines, last.
  const lines = ['', buildNote, ''];
  if (!certs.ok) {
    lines.push(
      `CHÚ Ý: không tạo được chứng chỉ HTTPS (${certs.error.message}); đang phục vụ bằng http.`,
      'Trang kiểm tra tệp vẫn dùng được; Excel chỉ nạp phần bổ trợ qua https.',
      '',
    );
  } else {
    const until = certs.validTo.toISOString().slice(0, 10);
    if (certs.renewed) lines.push(`Chứng chỉ phát triển đã được làm mới (${certs.reason.text}); hiệu lực đến ${until}.`);
    else if (certs.created) lines.push(`Đã tạo chứng chỉ phát triển trong ${path.dirname(certs.files.ca)}; hiệu lực đến ${until}.`);
    else lines.push(`Chứng chỉ phát triển: ${path.dirname(certs.files.ca)}, hiệu lực đến ${until} (tự làm mới khi sắp hết hạn).`);
    if (certs.renewed || certs.created) {
      lines.push('TRÌNH DUYỆT SẼ CẢNH BÁO "kết nối không riêng tư" và Excel sẽ không nạp phần bổ trợ cho tới khi bạn tin cậy CA mới này:');
    } else {
      lines.push('Nếu bạn chưa tin cậy CA này (mỗi lần chứng chỉ được làm mới phải tin cậy lại), trình duyệt sẽ cảnh báo');
      lines.push('"kết nối không riêng tư" và Excel sẽ không nạp phần bổ trợ. Lệnh tin cậy (một lần cho mỗi CA):');
    }
    for (const command of trustCommands(certs.files.ca)) lines.push(`  ${command}`);
    lines.push('  (lệnh cho Windows, macOS và Linux: README, mục "Installing into Excel")', '');
    lines.push(`http://${host}:${port}/ chuyển sang https (mã 308); chỉ https được phục vụ.`, '');
  }
  lines.push(
    'Cài vào Excel (sideload manifest.xml):',
    '  • Excel trên web: mở một sổ → Trang đầu → Phần bổ trợ → Thêm phần bổ trợ khác → Tải lên phần bổ trợ của tôi →',
    `    chọn ${path.join(dist, 'manifest.xml')} → Tải lên. Nút "Bốn Tốt" xuất hiện trên thẻ Trang đầu.`,
    '  • Excel trên Windows: chia sẻ thư mục chứa manifest.xml (\\\\máy\\thư-mục), thêm đường dẫn đó vào Tệp → Tùy chọn →',
    '    Trung tâm Tin cậy → Cài đặt Trung tâm Tin cậy → Danh mục Phần bổ trợ Tin cậy (chọn "Hiện trong Menu"), khởi động lại',
    '    Excel → Chèn → Phần bổ trợ của tôi → THƯ MỤC DÙNG CHUNG → Bốn Tốt.',
    '  • Excel trên Mac: chép manifest.xml vào ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ rồi mở lại',
    '    Excel → Chèn → Phần bổ trợ của tôi → Bốn Tốt.',
    '',
    `Dòng lệnh: npx bontot check TỆP.xlsx   (đã build vào ${path.join(dist, 'cli')})`,
    '',
    `Bốn Tốt đang chạy tại ${url}`,
    `  Trang kiểm tra tệp .xlsx (mở sẵn sổ tính ví dụ): ${url}taskpane.html?sample=chi-bo-mau`,
    `  Hướng dẫn các hàm BONTOT:                        ${url}help/functions.html`,
    `  Manifest:                                         ${path.join(dist, 'manifest.xml')}`,
    '',
    'Nhấn Ctrl+C để dừng.',
  );
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
