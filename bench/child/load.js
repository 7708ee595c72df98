'use strict';
// The baseline of the consolidation benchmark: a plain ExcelJS load of each file given, one after
// the other, nothing else (no grids, no check, no output).
//   node bench/child/load.js FILE.xlsx...
const { readFile } = require('fs/promises');
const ExcelJS = require('exceljs');

async function main(files) {
  let sheets = 0;
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await readFile(file));
    sheets += workbook.worksheets.length;
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, sheets })}\n`);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
