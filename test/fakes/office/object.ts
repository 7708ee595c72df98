/**
 * The proxy base class every fake Office object extends: properties that must be loaded and
 * synced before they are read, writes queued until the next sync, null objects, and the helpers
 * proxies share to find their model object when the queue runs.
 */

import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';
import { type LoadTree, parseLoadOption } from './load';
import type { SheetModel } from './model';

export class Holder<T> {
  value: T | null = null;
}

export type Resolver = () => unknown;

/**
 * A proxy. `resolver` finds the model object when the queue runs; it returns null for a null
 * object, and throws (ItemNotFound …) when the object cannot exist.
 */
export abstract class FakeObject {
  /** Values readable now: loaded and synced, or set locally. */
  protected props = new Map<string, unknown>();
  private staged: Map<string, unknown> | null = null;
  private stagedNull: boolean | undefined;
  private nullState: boolean | undefined;
  private readonly navCache = new Map<string, FakeObject>();

  constructor(
    readonly context: FakeRequestContext,
    protected readonly resolver: Resolver,
    protected readonly entity: string,
  ) {}

  /** Scalar properties load() knows for this class. */
  protected abstract scalars(): readonly string[];
  /** Value of a scalar at sync time. */
  protected abstract read(prop: string, model: unknown): unknown;
  /** Navigation properties (child proxies). */
  protected navigation(): Record<string, () => FakeObject> {
    return {};
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject', this.entity);
    return this.nullState;
  }

  load(option?: unknown): this {
    this.context.enqueueLoad(this, parseLoadOption(option));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.props);
  }

  /** Child proxy for a navigation property, created once. */
  protected nav<T extends FakeObject>(name: string, make: () => T): T {
    let child = this.navCache.get(name);
    if (!child) {
      child = make();
      this.navCache.set(name, child);
    }
    return child as T;
  }

  protected get<T>(prop: string): T {
    if (this.nullState === true) return undefined as T;
    if (!this.props.has(prop)) throw notLoaded(prop, this.entity);
    return this.props.get(prop) as T;
  }

  /** Queues a write and keeps the value readable locally (as Office.js does). */
  protected set(prop: string, value: unknown, apply: (model: never) => void, bytes = 32): void {
    this.props.set(prop, value);
    this.queueOn(`set ${prop}`, apply, bytes);
  }

  /** Queues an action on the resolved model (fails the sync on a null object). */
  protected queueOn(describe: string, apply: (model: never) => void, bytes = 32): void {
    this.context.enqueue({
      describe,
      bytes,
      run: () => apply(this.resolveStrict() as never),
    });
  }

  resolve(): unknown {
    return this.resolver();
  }

  resolveStrict(): unknown {
    const model = this.resolver();
    if (model === null || model === undefined) {
      throw new FakeOfficeError('InvalidObjectPath', `An action was queued on a null ${this.entity}.`, this.entity);
    }
    return model;
  }

  /** Runs a queued load: snapshot the asked properties into a staging area. */
  _execLoad(tree: LoadTree): void {
    const model = this.resolver();
    if (!this.staged) {
      this.staged = new Map();
      this.context.loadedInThisSync.push(this);
    }
    if (model === null || model === undefined) {
      this.stagedNull = true;
      for (const [name, sub] of tree) {
        const child = this.navigation()[name];
        if (child) (child() as FakeObject)._execLoad(sub);
      }
      return;
    }
    this.stagedNull = false;
    const scalars = this.scalars();
    const navs = this.navigation();
    const wanted = tree.size === 0 ? scalars.map((s) => [s, new Map()] as const) : [...tree];
    for (const [name, sub] of wanted) {
      if (name === 'isNullObject') continue;
      if (scalars.includes(name)) {
        const value = this.read(name, model);
        this.staged.set(name, value);
        this.context.responseBytes += jsonSize(value);
        continue;
      }
      const child = navs[name];
      if (child) {
        (child() as FakeObject)._execLoad(sub as LoadTree);
        continue;
      }
      throw new FakeOfficeError('InvalidArgument', `The property '${name}' does not exist on ${this.entity}.`, this.entity);
    }
  }

  _commitLoad(): void {
    if (this.staged) for (const [k, v] of this.staged) this.props.set(k, v);
    if (this.stagedNull !== undefined) this.nullState = this.stagedNull;
    this._afterCommit();
    this.staged = null;
    this.stagedNull = undefined;
  }

  _rollbackLoad(): void {
    this.staged = null;
    this.stagedNull = undefined;
  }

  protected _afterCommit(): void {}
}

export function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  return JSON.stringify(value)?.length ?? 0;
}

/** A sheet that was deleted fails like a stale proxy does. */
export function liveSheet(context: FakeRequestContext, sheet: SheetModel): SheetModel {
  if (!context.fake.model.sheets.includes(sheet)) {
    throw new FakeOfficeError('ItemNotFound', `The worksheet '${sheet.name}' no longer exists.`);
  }
  return sheet;
}

/** Resolves a child of a possibly-null parent according to the fake's null chaining mode. */
export function chain<P, T>(context: FakeRequestContext, parent: () => unknown, make: (parent: P) => T): () => T | null {
  return () => {
    const model = parent();
    if (model === null || model === undefined) {
      if (context.fake.nullChaining === 'throw') {
        throw new FakeOfficeError('InvalidObjectPath', 'A method was called on a null object.');
      }
      return null;
    }
    return make(model as P);
  };
}
