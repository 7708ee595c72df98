/**
 * One input of `bontot consolidate`, read and checked down to plain data (rows, a message), so it
 * can be done on a worker thread and posted back. Run as a worker (see consolidatePool in
 * ./consolidate), this file answers `{ index, file }` messages with `{ index, read }`, one file at
 * a time; the main thread keeps the rows in input order and does everything else.
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import type { Policy } from '../core/policy';
import type { IsoDate } from '../core/types';
import { readWorkbookFileData, WorkbookReadError } from '../hosts/xlsxFile';
import { checkWorkbook } from '../workbook/check';
import { CONSOLIDATION_SHEET, readConsolidation, rowFromCheck, type ConsolidationRow } from '../workbook/consolidate';
import { errorMessage, generatedKind } from './common';

/** What reading one input gave: plain, structured-cloneable data. */
export type InputRead =
  | { type: 'checked'; row: ConsolidationRow }
  | { type: 'consolidation'; rows: ConsolidationRow[] }
  | { type: 'error'; message: string }
  | { type: 'skipped'; note: string };

export interface WorkerSetup {
  bontotConsolidateWorker: true;
  policy: Policy;
  asOf: IsoDate;
}

export interface WorkerRequest {
  index: number;
  file: string;
}

export interface WorkerReply {
  index: number;
  read: InputRead;
}

/** Reads and checks one input. Never throws: a bad input is an `error` read. */
export async function readInput(file: string, policy: Policy, asOf: IsoDate): Promise<InputRead> {
  try {
    const data = await readWorkbookFileData(file);
    const generated = generatedKind(data);
    if (generated === 'consolidation') {
      const rows = readConsolidation(data.sheets);
      if (rows === null) {
        return {
          type: 'error',
          message: `Tệp được đánh dấu là bản tổng hợp của bontot nhưng không có trang "${CONSOLIDATION_SHEET}" đọc được; hãy tạo lại bằng "bontot consolidate" từ các tệp gốc.`,
        };
      }
      return { type: 'consolidation', rows };
    }
    if (generated !== null) {
      return { type: 'skipped', note: 'Bỏ qua: bản "Tổng hợp" riêng lẻ (.tonghop.xlsx) không phải sổ tính của tổ chức.' };
    }
    const result = checkWorkbook(data.sheets, { policy, asOf });
    return { type: 'checked', row: rowFromCheck(file, result) };
  } catch (error) {
    return { type: 'error', message: error instanceof WorkbookReadError ? error.message : `Lỗi khi kiểm tra tệp: ${errorMessage(error)}` };
  }
}

function isSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && (data as Partial<WorkerSetup>).bontotConsolidateWorker === true;
}

if (!isMainThread && parentPort && isSetup(workerData)) {
  const port = parentPort;
  const { policy, asOf } = workerData;
  port.on('message', (request: WorkerRequest) => {
    void readInput(request.file, policy, asOf).then((read) => port.postMessage({ index: request.index, read } satisfies WorkerReply));
  });
}
