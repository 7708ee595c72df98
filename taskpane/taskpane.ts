/** Task pane entry: inside Excel it drives the workbook through Office.js; in a plain browser it is
 * the standalone checker for .xlsx files. (Grows in the task-pane issue.) */
Office.onReady((info) => {
  const status = document.getElementById('status');
  if (status) status.textContent = info.host === Office.HostType.Excel ? 'Sẵn sàng trong Excel.' : 'Trang kiểm tra tệp .xlsx.';
});
