/**
 * Worksheet.charts: the chart collection (add, items, getItemOrNullObject), one chart proxy and
 * its title, legend and data labels.
 */

import { parseAddress } from './address';
import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';
import type { LoadTree } from './load';
import type { FakeChartModel, SheetModel } from './model';
import { FakeObject, Holder, type Resolver } from './object';
import type { FakeRange } from './range';
import { type RangeModel, singleRect } from './rangeModel';

/** Chart types of ExcelApi 1.1 the adapter may ask for (a wrong spelling fails as in Excel). */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'Pie',
  'Doughnut',
]);

/** Worksheet.charts: add, items (load "items/name"), getItemOrNullObject. */
export class FakeChartCollection extends FakeObject {
  private itemsList: FakeChart[] | null = null;
  private stagedList: FakeChart[] | null = null;

  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ChartCollection');
  }
  protected scalars(): readonly string[] {
    return ['count'];
  }
  protected read(prop: string, sheet: SheetModel): unknown {
    return prop === 'count' ? sheet.charts.length : undefined;
  }
  get count(): number {
    return this.get('count');
  }
  get items(): FakeChart[] {
    if (!this.itemsList) throw notLoaded('items', this.entity);
    return this.itemsList;
  }
  override _execLoad(tree: LoadTree): void {
    const sheet = this.resolveStrict() as SheetModel;
    if (!this.stagedList) this.context.loadedInThisSync.push(this);
    const itemTree: LoadTree = tree.get('items') ?? new Map();
    this.stagedList = sheet.charts.map((chart) => new FakeChart(this.context, () => liveChart(sheet, chart)));
    for (const proxy of this.stagedList) proxy._execLoad(itemTree);
  }
  override _commitLoad(): void {
    if (this.stagedList) this.itemsList = this.stagedList;
    this.stagedList = null;
  }
  override _rollbackLoad(): void {
    this.stagedList = null;
  }
  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChart {
    const holder = new Holder<{ sheet: SheetModel; chart: FakeChartModel }>();
    this.queueOn('charts.add', (sheet: SheetModel) => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `The chart type '${type}' is not valid.`);
      if (!['Auto', 'Columns', 'Rows'].includes(seriesBy))
        throw new FakeOfficeError('InvalidArgument', `The series orientation '${seriesBy}' is not valid.`);
      const range = sourceData.resolveStrict() as RangeModel;
      if (range.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'The source data must be on the chart’s sheet here.');
      const fake = this.context.fake.model;
      const chart: FakeChartModel = {
        id: `{chart-${fake.nextId++}}`,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: { ...singleRect(range) },
        seriesBy,
        title: '',
        legendPosition: null,
        showValue: false,
        position: null,
      };
      sheet.charts.push(chart);
      holder.value = { sheet, chart };
    });
    return new FakeChart(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The added chart is not available.');
      return liveChart(holder.value.sheet, holder.value.chart);
    });
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const sheet = this.resolve() as SheetModel | null;
      const chart = sheet?.charts.find((c) => c.name === name);
      return sheet && chart ? { sheet, chart } : null;
    });
  }
}

interface ChartRef {
  sheet: SheetModel;
  chart: FakeChartModel;
}

function liveChart(sheet: SheetModel, chart: FakeChartModel): ChartRef {
  if (!sheet.charts.includes(chart)) throw new FakeOfficeError('ItemNotFound', 'The chart no longer exists.');
  return { sheet, chart };
}

export class FakeChart extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'Chart');
  }
  protected scalars(): readonly string[] {
    return ['name', 'id'];
  }
  protected read(prop: string, ref: ChartRef): unknown {
    return prop === 'name' ? ref.chart.name : prop === 'id' ? ref.chart.id : undefined;
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { title: () => this.title, legend: () => this.legend, dataLabels: () => this.dataLabels };
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', value, (ref: ChartRef) => {
      ref.chart.name = value;
    });
  }
  get title(): FakeChartPart {
    return this.nav('title', () => new FakeChartPart(this.context, () => this.resolve(), 'ChartTitle', { text: 'title' }));
  }
  get legend(): FakeChartPart {
    return this.nav('legend', () => new FakeChartPart(this.context, () => this.resolve(), 'ChartLegend', { position: 'legendPosition' }));
  }
  get dataLabels(): FakeChartPart {
    return this.nav('dataLabels', () => new FakeChartPart(this.context, () => this.resolve(), 'ChartDataLabels', { showValue: 'showValue' }));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.queueOn('chart.setPosition', (ref: ChartRef) => {
      if (!parseAddress(startCell) || (endCell !== undefined && !parseAddress(endCell))) {
        throw new FakeOfficeError('InvalidArgument', `The position '${startCell}:${endCell ?? ''}' is not valid.`);
      }
      ref.chart.position = { from: startCell, to: endCell ?? startCell };
    });
  }
  delete(): void {
    this.queueOn('chart.delete', (ref: ChartRef) => {
      ref.sheet.charts.splice(ref.sheet.charts.indexOf(ref.chart), 1);
    });
  }
}

/** A chart's title, legend or data labels: a few settable properties mapped onto the chart model. */
class FakeChartPart extends FakeObject {
  // Accessors defined per part in the constructor (title: text; legend: position; data labels: showValue).
  declare text: string;
  declare position: string;
  declare showValue: boolean;

  constructor(
    context: FakeRequestContext,
    resolver: Resolver,
    entity: string,
    private readonly fields: Record<string, 'title' | 'legendPosition' | 'showValue'>,
  ) {
    super(context, resolver, entity);
    for (const [prop, field] of Object.entries(fields)) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (value: unknown) =>
          this.set(prop, value, (ref: ChartRef) => {
            (ref.chart as unknown as Record<string, unknown>)[field] = value;
          }),
      });
    }
  }
  protected scalars(): readonly string[] {
    return Object.keys(this.fields);
  }
  protected read(prop: string, ref: ChartRef): unknown {
    const field = this.fields[prop];
    return field ? ref.chart[field] : undefined;
  }
}
