/* Generates the function help pages (help/functions.html, help/index.html) from the functions.json
 * that custom-functions-metadata-plugin produced, plus functions/examples.json and
 * functions/errors.json — so the help an @helpurl opens always says what the metadata says, and
 * when each function gives #NUM! or #DIV/0! (Excel shows a custom function's message only with
 * #VALUE! and #N/A, so the page is where those explanations reach the user; test/functions/
 * errors.test.ts calls each function with the documented arguments). Static HTML, no script,
 * escaped text. */
'use strict';
const fs = require('fs');

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

const STYLE = `body{font-family:"Segoe UI",system-ui,sans-serif;max-width:820px;margin:24px auto;padding:0 16px;color:#201f1e;line-height:1.5}
h1{font-size:24px;color:#a4262c}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #edebe9;padding-bottom:4px}
code{background:#f3f2f1;padding:1px 4px;border-radius:2px}table{border-collapse:collapse}td,th{border:1px solid #edebe9;padding:4px 8px;text-align:left;vertical-align:top}
nav a{margin-right:8px}`;

function page(title, body) {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

/** The errors a function gives besides the general #VALUE!, with when and why. */
function errorsSection(list) {
  if (!list || list.length === 0) {
    return '<p>Lỗi: chỉ <code>#VALUE!</code> khi đối số sai kiểu hoặc không đọc được (Excel hiện lời giải thích khi chọn ô lỗi). Hàm này không trả về <code>#NUM!</code> hay <code>#DIV/0!</code>.</p>';
  }
  const rows = list.map((entry) => `<tr><td><code>${escapeHtml(entry.error)}</code></td><td>${escapeHtml(entry.when)}</td></tr>`).join('');
  return `<table><tr><th>Lỗi</th><th>Khi nào và vì sao</th></tr><tr><td><code>#VALUE!</code></td><td>Đối số sai kiểu hoặc không đọc được (Excel hiện lời giải thích khi chọn ô lỗi).</td></tr>${rows}</table>`;
}

function functionsPage(metadata, examples, errors = {}) {
  const nav = metadata.functions.map((fn) => `<a href="#${escapeHtml(fn.id)}">${escapeHtml(fn.id)}</a>`).join(' ');
  const sections = metadata.functions.map((fn) => {
    const example = examples[fn.id];
    const params = fn.parameters
      .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.optional ? ' (tùy chọn)' : ''}</td><td>${escapeHtml(p.description || '')}</td></tr>`)
      .join('');
    const signature = `=BONTOT.${fn.name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ')})`;
    return `<section id="${escapeHtml(fn.id)}"><h2>${escapeHtml(fn.id)}</h2>
<p>${escapeHtml(fn.description || '')}</p>
<p><code>${escapeHtml(signature)}</code></p>
${params ? `<table><tr><th>Đối số</th><th>Ý nghĩa</th></tr>${params}</table>` : ''}
${example ? `<p>Ví dụ: <code>${escapeHtml(example.formula)}</code> → <strong>${escapeHtml(example.result)}</strong></p>` : ''}
${errorsSection(errors[fn.id])}
</section>`;
  });
  return page(
    'Bốn Tốt — các hàm BONTOT',
    `<h1>Các hàm BONTOT</h1>
<p>Gõ <code>=BONTOT.</code> trong một ô để dùng. Dấu phân cách đối số là <code>;</code> hoặc <code>,</code> tùy thiết lập vùng của Excel.
Tỷ lệ phần trăm nhận cả dạng 0–1 (ô định dạng %) và 0–100. Ngưỡng lấy từ cấu hình của sổ (trang tính ẩn "Cấu hình"), mặc định theo Kế hoạch.</p>
<p>Về lỗi: Excel chỉ hiện lời giải thích của hàm với lỗi <code>#VALUE!</code> và <code>#N/A</code>. Với <code>#NUM!</code> (số không thể có, ví dụ số người âm) và <code>#DIV/0!</code> (không có gì để chia, ví dụ vùng trống) Excel chỉ hiện mã lỗi, nên mục của từng hàm dưới đây nói khi nào và vì sao các lỗi đó xuất hiện.</p>
<nav>${nav}</nav>${sections.join('\n')}`,
  );
}

function indexPage() {
  return page(
    'Bốn Tốt — hướng dẫn',
    `<h1>Bốn Tốt</h1>
<p>Phần bổ trợ Excel giúp chi bộ, đảng bộ cơ sở xây dựng và tự đánh giá mô hình “chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt”.</p>
<ul>
<li><a href="functions.html">Các hàm BONTOT</a> (công thức trong ô)</li>
<li><a href="../taskpane.html">Trang kiểm tra hồ sơ</a> (dùng được cả ngoài Excel với tệp .xlsx)</li>
</ul>`,
  );
}

class HelpPagesPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('HelpPagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'HelpPagesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.options.metadata);
        if (!asset) return; // the metadata plugin reports its own errors
        const metadata = JSON.parse(asset.source.source().toString());
        const examples = JSON.parse(fs.readFileSync(this.options.examples, 'utf8'));
        const errors = JSON.parse(fs.readFileSync(this.options.errors, 'utf8'));
        const missing = metadata.functions.filter((fn) => !examples[fn.id]).map((fn) => fn.id);
        if (missing.length) {
          compilation.errors.push(new compiler.webpack.WebpackError(`functions/examples.json has no example for ${missing.join(', ')}`));
        }
        const undocumented = metadata.functions.filter((fn) => !Array.isArray(errors[fn.id])).map((fn) => fn.id);
        if (undocumented.length) {
          compilation.errors.push(
            new compiler.webpack.WebpackError(`functions/errors.json has no entry (a list, maybe empty) for ${undocumented.join(', ')}`),
          );
        }
        compilation.emitAsset(`${this.options.output}/functions.html`, new RawSource(functionsPage(metadata, examples, errors)));
        compilation.emitAsset(`${this.options.output}/index.html`, new RawSource(indexPage()));
      });
    });
  }
}

module.exports = { HelpPagesPlugin, functionsPage, escapeHtml };
