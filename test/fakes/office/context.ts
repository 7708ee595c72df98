/**
 * The request context: the queue of writes and loads that `sync()` applies in order, the payload
 * limits it enforces, and the per-sync record (SyncRecord) that `fake.syncCount` / `fake.syncLog`
 * and the bench's round-trip counts are made of.
 */

import { FakeOfficeError } from './errors';
import type { FakeExcel } from './fakeExcel';
import type { LoadTree } from './load';
import type { FakeObject, Resolver } from './object';
import { FakeRange, FakeRangeAreas } from './range';
import { type FakeApplication, FakeWorkbook } from './workbook';
import { FakeWorksheet } from './worksheet';

interface QueuedOp {
  run: () => void;
  /** Bytes this op adds to the request (JSON of written data). */
  bytes: number;
  describe: string;
}

export interface SyncRecord {
  /** 1-based over the fake's life. */
  index: number;
  ops: number;
  loads: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  /** Cells whose values/formulas/numberFormat were loaded in this sync. */
  cellsRead: number;
  failed: string | null;
}

export interface FakeLimits {
  maxPayloadBytes: number;
  maxCellsPerRead: number;
  /** What a read above maxCellsPerRead does: return null values (default) or fail. */
  overLimitRead: 'null' | 'throw';
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: QueuedOp[] = [];
  private pendingLoads: { obj: FakeObject; tree: LoadTree }[] = [];
  responseBytes = 0;
  cellsRead = 0;
  syncs = 0;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  enqueueLoad(obj: FakeObject, tree: LoadTree): void {
    const entry = { obj, tree };
    this.pendingLoads.push(entry);
    this.queue.push({
      run: () => obj._execLoad(tree),
      bytes: 32,
      describe: 'load',
    });
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.pendingLoads = [];
    const model = this.fake.model;
    this.syncs += 1;
    const record: SyncRecord = {
      index: model.syncLog.length + 1,
      ops: ops.length,
      loads: ops.filter((op) => op.describe === 'load').length,
      writes: ops.filter((op) => op.describe !== 'load').length,
      requestBytes: ops.reduce((sum, op) => sum + op.bytes, 0),
      responseBytes: 0,
      cellsRead: 0,
      failed: null,
    };
    model.syncLog.push(record);
    await Promise.resolve();
    const limits = this.fake.limits;
    if (record.requestBytes > limits.maxPayloadBytes) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    this.responseBytes = 0;
    this.cellsRead = 0;
    this.loadedInThisSync = [];
    try {
      for (const op of ops) op.run();
    } catch (error) {
      record.failed = error instanceof FakeOfficeError ? error.code : String(error);
      for (const obj of this.loadedInThisSync) obj._rollbackLoad();
      throw error;
    } finally {
      record.responseBytes = this.responseBytes;
      record.cellsRead = this.cellsRead;
    }
    if (this.responseBytes > limits.maxPayloadBytes) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      for (const obj of this.loadedInThisSync) obj._rollbackLoad();
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const obj of this.loadedInThisSync) obj._commitLoad();
    // suspendApiCalculationUntilNextSync lasts until the end of this sync.
    model.calculationSuspended = false;
  }

  loadedInThisSync: FakeObject[] = [];

  /*
   * Proxies that point "back up" the object graph (a range's worksheet, a conditional format's
   * ranges) are made here, so that the proxy modules need not import each other in a circle.
   */
  _makeWorksheet(resolver: Resolver): FakeWorksheet {
    return new FakeWorksheet(this, resolver);
  }

  _makeRange(resolver: Resolver): FakeRange {
    return new FakeRange(this, resolver);
  }

  _makeRangeAreas(resolver: Resolver): FakeRangeAreas {
    return new FakeRangeAreas(this, resolver);
  }
}
