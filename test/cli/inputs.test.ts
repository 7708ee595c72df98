/** src/cli/inputs.ts over an in-memory file system: folders, patterns, order, lock files, no match. */
import { comparePaths, expandInputs, matchesSegment, NoMatchError, type EntryType, type FileSystemView } from '../../src/cli/inputs';

/** A file system from a list of file paths (folders implied); `listOrder` reverses listings to prove sorting. */
function memoryFs(files: readonly string[], options: { reverse?: boolean } = {}): FileSystemView & { listed: string[] } {
  const types = new Map<string, EntryType>();
  const children = new Map<string, Set<string>>();
  const add = (dir: string, name: string): void => {
    if (!children.has(dir)) children.set(dir, new Set());
    children.get(dir)!.add(name);
  };
  for (const file of files) {
    const parts = file.split('/');
    types.set(file, 'file');
    for (let i = 0; i < parts.length; i++) {
      const parent = i === 0 ? '.' : parts.slice(0, i).join('/');
      add(parent, parts[i]!);
      if (i < parts.length - 1) types.set(parts.slice(0, i + 1).join('/'), 'dir');
    }
  }
  types.set('.', 'dir');
  const normal = (path: string): string => path.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '') || '.';
  const listed: string[] = [];
  return {
    listed,
    typeOf: (path) => types.get(normal(path)) ?? null,
    list: (path) => {
      listed.push(path);
      const dir = normal(path);
      const names = [...(children.get(dir) ?? [])];
      if (options.reverse) names.reverse();
      return names.map((name) => ({ name, type: types.get(dir === '.' ? name : `${dir}/${name}`) ?? null }));
    },
  };
}

const TREE = [
  'ho-so/kp1.xlsx',
  'ho-so/KP2.XLSX',
  'ho-so/kp10.xlsx',
  'ho-so/~$kp1.xlsx',
  'ho-so/ghi-chu.docx',
  'ho-so/.an.xlsx',
  'ho-so/phuong-b/tram.xlsx',
  'ho-so/phuong-b/sau/truong.xlsx',
  'ho-so/phuong-b/~$tram.xlsx',
  'rong/ghi-chu.txt',
  'le.xlsx',
];

describe('expandInputs', () => {
  it('a folder gives its .xlsx files (any case), sorted, without lock files; --recursive adds sub-folders', () => {
    const fs = memoryFs(TREE, { reverse: true });
    expect(expandInputs(['ho-so'], fs)).toEqual(['ho-so/.an.xlsx', 'ho-so/kp1.xlsx', 'ho-so/kp10.xlsx', 'ho-so/KP2.XLSX']);
    expect(expandInputs(['ho-so/'], fs, { recursive: true })).toEqual([
      'ho-so/.an.xlsx',
      'ho-so/kp1.xlsx',
      'ho-so/kp10.xlsx',
      'ho-so/KP2.XLSX',
      'ho-so/phuong-b/sau/truong.xlsx',
      'ho-so/phuong-b/tram.xlsx',
    ]);
  });

  it('the order does not depend on the order the file system lists entries in', () => {
    const forward = expandInputs(['ho-so/**/*.xlsx'], memoryFs(TREE));
    const backward = expandInputs(['ho-so/**/*.xlsx'], memoryFs(TREE, { reverse: true }));
    expect(forward).toEqual(backward);
    expect(forward).toEqual(['ho-so/kp1.xlsx', 'ho-so/kp10.xlsx', 'ho-so/KP2.XLSX', 'ho-so/phuong-b/sau/truong.xlsx', 'ho-so/phuong-b/tram.xlsx']);
  });

  it('* and ? match within one folder, case-insensitively, never a lock file or a hidden file', () => {
    const fs = memoryFs(TREE);
    expect(expandInputs(['ho-so/*.xlsx'], fs)).toEqual(['ho-so/kp1.xlsx', 'ho-so/kp10.xlsx', 'ho-so/KP2.XLSX']);
    expect(expandInputs(['ho-so/kp?.xlsx'], fs)).toEqual(['ho-so/kp1.xlsx', 'ho-so/KP2.XLSX']);
    // A folder typed in another case is found as on Windows, under its real name.
    expect(expandInputs(['HO-SO/*.Xlsx'], fs)).toEqual(['ho-so/kp1.xlsx', 'ho-so/kp10.xlsx', 'ho-so/KP2.XLSX']);
    // A pattern naming every file still leaves out ~$ lock files; the .docx is passed on (reported unreadable).
    expect(expandInputs(['ho-so/*'], fs)).toEqual([
      'ho-so/ghi-chu.docx',
      'ho-so/kp1.xlsx',
      'ho-so/kp10.xlsx',
      'ho-so/KP2.XLSX',
      'ho-so/phuong-b/tram.xlsx',
    ]);
  });

  it('** matches any depth of folders, including none', () => {
    const fs = memoryFs(TREE);
    expect(expandInputs(['ho-so/**/tr*.xlsx'], fs)).toEqual(['ho-so/phuong-b/sau/truong.xlsx', 'ho-so/phuong-b/tram.xlsx']);
    expect(expandInputs(['**/le.xlsx'], fs)).toEqual(['le.xlsx']);
    // ** at the end: the folder and its sub-folders, as --recursive gives them.
    expect(expandInputs(['ho-so/**'], fs)).toEqual(expandInputs(['ho-so'], fs, { recursive: true }));
  });

  it('a pattern in a folder matched by a pattern: */x walks every matching folder', () => {
    const fs = memoryFs(['a/x/1.xlsx', 'b/x/2.xlsx', 'b/y/3.xlsx']);
    expect(expandInputs(['*/x/*.xlsx'], fs)).toEqual(['a/x/1.xlsx', 'b/x/2.xlsx']);
    expect(expandInputs(['b/*'], fs)).toEqual(['b/x/2.xlsx', 'b/y/3.xlsx']);
  });

  it('backslashes separate folders too (Windows), and the paths keep the separator typed', () => {
    const fs = memoryFs(TREE);
    expect(expandInputs(['ho-so\\kp?.xlsx'], fs)).toEqual(['ho-so\\kp1.xlsx', 'ho-so\\KP2.XLSX']);
    expect(expandInputs(['ho-so\\phuong-b'], fs)).toEqual(['ho-so\\phuong-b\\tram.xlsx']);
  });

  it('names in NFD (macOS) match a pattern typed in NFC', () => {
    const nfd = 'hồ sơ'.normalize('NFD');
    const fs = memoryFs([`${nfd}/Chi bộ A.xlsx`.normalize('NFD')]);
    expect(expandInputs(['hồ sơ/*.xlsx'.normalize('NFC')], fs)).toEqual([`${nfd}/Chi bộ A.xlsx`.normalize('NFD')]);
  });

  it('files and missing names without a pattern are kept as given, in argument order', () => {
    const fs = memoryFs(TREE);
    expect(expandInputs(['le.xlsx', 'khong-co.xlsx', 'ho-so/~$kp1.xlsx', 'ho-so/kp?.xlsx'], fs)).toEqual([
      'le.xlsx',
      'khong-co.xlsx',
      'ho-so/~$kp1.xlsx',
      'ho-so/kp1.xlsx',
      'ho-so/KP2.XLSX',
    ]);
  });

  it('a pattern matching nothing, or a folder without a workbook, is an error naming it', () => {
    const fs = memoryFs(TREE);
    expect(() => expandInputs(['ho-so/*.xls'], fs)).toThrow(NoMatchError);
    expect(() => expandInputs(['ho-so/*.xls'], fs)).toThrow('"ho-so/*.xls"');
    expect(() => expandInputs(['khong-co/*.xlsx'], fs)).toThrow('"khong-co/*.xlsx"');
    expect(() => expandInputs(['rong'], fs)).toThrow(/Thư mục "rong" không có tệp \.xlsx nào; thêm --recursive/);
    expect(() => expandInputs(['ho-so/phuong-b/sau/..', 'rong'], fs)).toThrow(NoMatchError);
  });

  it('a folder named like a workbook (an unpacked .xlsx) without workbooks in it is kept as given, to be reported unreadable', () => {
    const fs = memoryFs(['giai-nen.xlsx/xl/workbook.xml', 'giai-nen.xlsx/[Content_Types].xml']);
    expect(expandInputs(['giai-nen.xlsx'], fs)).toEqual(['giai-nen.xlsx']);
    expect(expandInputs(['giai-nen.xlsx/'], fs, { recursive: true })).toEqual(['giai-nen.xlsx/']);
    expect(() => expandInputs(['giai-nen.xlsx/xl'], fs)).toThrow(NoMatchError);
  });

  it('a link back to a parent folder does not make ** or --recursive walk for ever', () => {
    // "loop" lists itself as a sub-folder, at every depth.
    const fs: FileSystemView = {
      typeOf: (path) => (path.endsWith('.xlsx') ? 'file' : 'dir'),
      list: () => [
        { name: 'loop', type: 'dir' },
        { name: 'a.xlsx', type: 'file' },
      ],
    };
    const found = expandInputs(['d'], fs, { recursive: true });
    expect(found[0]).toBe('d/a.xlsx');
    expect(found.length).toBeGreaterThan(10);
    expect(found.length).toBeLessThan(100);
    expect(expandInputs(['d/**/a.xlsx'], fs).length).toBeLessThan(100);
  });
});

describe('matching and order helpers', () => {
  it('matchesSegment: * and ? within a name; literal characters of a regular expression are literal', () => {
    expect(matchesSegment('kp1.xlsx', 'kp*.xlsx')).toBe(true);
    expect(matchesSegment('kp1xxlsx', 'kp1.xlsx')).toBe(false);
    expect(matchesSegment('a(1).xlsx', 'a(1).xlsx')).toBe(true);
    expect(matchesSegment('a+b.xlsx', '?+?.XLSX')).toBe(true);
    expect(matchesSegment('.hidden.xlsx', '*.xlsx')).toBe(false);
    expect(matchesSegment('.hidden.xlsx', '.*.xlsx')).toBe(true);
  });

  it('comparePaths: folded first, then code points, folder by folder', () => {
    expect(['b.xlsx', 'A.xlsx', 'a.xlsx', 'a/z.xlsx'].sort(comparePaths)).toEqual(['a/z.xlsx', 'A.xlsx', 'a.xlsx', 'b.xlsx']);
  });
});
