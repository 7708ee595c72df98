/**
 * Which files `bontot check` and `bontot consolidate` read: the arguments as given, with folders
 * and patterns expanded by the CLI itself. Windows' cmd and PowerShell pass `*.xlsx` through
 * unexpanded, so the expansion is done here, the same way on every system:
 *
 * - a folder gives its `.xlsx` files (sub-folders too with `recursive`);
 * - a pattern (`*`, `?`, and `**` as a whole path segment for any depth of folders) gives the
 *   files it matches; a folder it matches gives that folder's `.xlsx` files, as the same folder
 *   passed by a shell would;
 * - matching ignores case and Unicode normalisation (`*.xlsx` matches `A.XLSX`; a name stored in
 *   NFD by macOS matches a pattern typed in NFC), as Windows and macOS file systems do;
 * - `~$…` files (the lock files Excel leaves beside an open workbook) are never taken from a
 *   folder or a pattern; `*` and `?` do not match a leading dot (hidden files), as in a shell;
 * - the files of one argument come in a stable order (by path, case and accents ignored, then
 *   code points), whatever order the file system lists them in;
 * - an argument that names an existing file, or no file at all and no pattern, is kept as given
 *   (a missing file is then reported as unreadable, as before);
 * - a pattern that matches nothing, or a folder without a workbook, is a usage error naming it —
 *   except a folder named like a workbook (`X.xlsx/`, an unpacked file), kept as given.
 *
 * Pure over a small file-system view (FileSystemView), so the rules are tested without a disk.
 */

export type EntryType = 'file' | 'dir';

/** What the expansion needs to know of a file system. */
export interface FileSystemView {
  /** The type of the entry at `path`, or null when there is none (or it cannot be read). */
  typeOf(path: string): EntryType | null;
  /** The entries of the folder at `path` (names only, without `.` and `..`); [] when unreadable. */
  list(path: string): { name: string; type: EntryType | null }[];
}

export interface ExpandOptions {
  /** Folders given (or matched) include their sub-folders' workbooks. */
  recursive?: boolean;
}

/** A pattern or folder that gives no file: the message names it (a usage error, exit status 2). */
export class NoMatchError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'NoMatchError';
  }
}

const WORKBOOK_EXTENSION = /\.xlsx$/i;
const LOCK_FILE = /^~\$/;
const SEPARATOR = /[\\/]/;
/** Folder depth a pattern or --recursive walks at most. */
const MAX_DEPTH = 64;

/** True when the text holds a pattern character (`*` or `?`). */
export function hasPattern(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Case- and normalisation-insensitive form of a name, for matching and sorting. */
function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('en-US');
}

/** One path segment of a pattern (`*.xlsx`, `kp?`) as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const char of fold(segment)) {
    if (char === '*') source += '[^/\\\\]*';
    else if (char === '?') source += '[^/\\\\]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/** Whether a name matches one pattern segment (a leading dot is matched only by a literal dot). */
export function matchesSegment(name: string, segment: string): boolean {
  if (name.startsWith('.') && !segment.startsWith('.')) return false;
  return segmentRegExp(segment).test(fold(name));
}

/** Compares two paths for the stable order: segment by segment, folded first, then code points. */
export function comparePaths(a: string, b: string): number {
  const left = a.split(SEPARATOR);
  const right = b.split(SEPARATOR);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    const fx = fold(x);
    const fy = fold(y);
    if (fx !== fy) return fx < fy ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSION.test(name) && !LOCK_FILE.test(name);
}

/** `dir` + separator + `name`, with the separator the user typed (`\` only when they used it alone). */
function joinPath(dir: string, name: string, separator: string): string {
  if (dir === '') return name;
  return SEPARATOR.test(dir.slice(-1)) ? `${dir}${name}` : `${dir}${separator}${name}`;
}

function separatorOf(argument: string): string {
  return argument.includes('\\') && !argument.includes('/') ? '\\' : '/';
}

/** The workbooks of a folder (and of its sub-folders when recursive), in the stable order. */
function folderWorkbooks(fs: FileSystemView, dir: string, recursive: boolean, separator: string, depth = 0): string[] {
  const found: string[] = [];
  // A link back to a parent folder would make the walk go on for ever.
  if (depth > MAX_DEPTH) return found;
  for (const entry of fs.list(dir)) {
    const path = joinPath(dir, entry.name, separator);
    if (entry.type === 'file' && isWorkbookName(entry.name)) found.push(path);
    else if (entry.type === 'dir' && recursive) found.push(...folderWorkbooks(fs, path, recursive, separator, depth + 1));
  }
  return found.sort(comparePaths);
}

/** The files (and folders' workbooks) a pattern matches, in the stable order. */
function patternMatches(fs: FileSystemView, pattern: string, recursive: boolean): string[] {
  const separator = separatorOf(pattern);
  // A leading `/`, `\\server` (UNC) stays as typed; `C:` is an ordinary first segment.
  const lead = /^[\\/]+/.exec(pattern)?.[0] ?? '';
  const segments = pattern
    .slice(lead.length)
    .split(SEPARATOR)
    .filter((segment) => segment !== '');
  // The part before the first pattern segment is a plain path: start walking there.
  let start = lead;
  let index = 0;
  // (only as far as it exists as typed: a folder typed in another case is found by listing below)
  while (index < segments.length - 1 && !hasPattern(segments[index] as string)) {
    const segment = segments[index] as string;
    const next = start === '' ? segment : joinPath(start, segment, separator);
    if (fs.typeOf(next) !== 'dir') break;
    start = next;
    index += 1;
  }
  const rest = segments.slice(index);
  const results = new Set<string>();
  const folders = new Set<string>();

  const walk = (dir: string, at: number, depth = 0): void => {
    // A link back to a parent folder would make `**` walk for ever.
    if (depth > MAX_DEPTH) return;
    const segment = rest[at] as string;
    const last = at === rest.length - 1;
    const base = dir === '' ? '.' : dir;
    if (segment === '**') {
      // Zero folders…
      if (last) {
        for (const path of folderWorkbooks(fs, base, true, separator, depth)) results.add(dir === '' ? stripDot(path) : path);
        return;
      }
      walk(dir, at + 1, depth);
      // …or one more, at any depth.
      for (const entry of fs.list(base)) {
        if (entry.type !== 'dir' || entry.name.startsWith('.')) continue;
        walk(joinPath(dir, entry.name, separator), at, depth + 1);
      }
      return;
    }
    if (!hasPattern(segment)) {
      const path = joinPath(dir, segment, separator);
      const type = fs.typeOf(path);
      if (last && type === 'file') results.add(path);
      else if (last && type === 'dir') folders.add(path);
      else if (!last && type === 'dir') walk(path, at + 1, depth + 1);
      // Not there as typed: the listing below finds it in another case or normalisation.
      if (type !== null) return;
    }
    for (const entry of fs.list(base)) {
      if (!matchesSegment(entry.name, segment)) continue;
      const path = joinPath(dir, entry.name, separator);
      if (last && entry.type === 'file' && !LOCK_FILE.test(entry.name)) results.add(path);
      else if (last && entry.type === 'dir') folders.add(path);
      else if (!last && entry.type === 'dir') walk(path, at + 1, depth + 1);
    }
  };
  if (rest.length > 0) walk(start, 0);
  for (const folder of folders) for (const path of folderWorkbooks(fs, folder, recursive, separator)) results.add(path);
  return [...results].sort(comparePaths);
}

function stripDot(path: string): string {
  return path.replace(/^\.[\\/]/, '');
}

/**
 * The files to read for the command's arguments, in argument order, each argument's files in the
 * stable order. Throws NoMatchError for a pattern or folder that gives no file.
 */
export function expandInputs(args: readonly string[], fs: FileSystemView, options: ExpandOptions = {}): string[] {
  const recursive = options.recursive === true;
  const files: string[] = [];
  for (const argument of args) {
    const type = fs.typeOf(argument);
    if (type === 'file') {
      files.push(argument);
    } else if (type === 'dir') {
      const found = folderWorkbooks(fs, argument, recursive, separatorOf(argument));
      if (found.length === 0 && WORKBOOK_EXTENSION.test(argument.replace(/[\\/]+$/, ''))) {
        // A folder named like a workbook (an .xlsx some tool unpacked) was meant as a file: it is
        // reported as unreadable, with the reader's message about folders, as before.
        files.push(argument);
        continue;
      }
      if (found.length === 0) {
        throw new NoMatchError(
          argument,
          `Thư mục "${argument}" không có tệp .xlsx nào${recursive ? ' (kể cả thư mục con)' : '; thêm --recursive để đọc cả các thư mục con'}.`,
        );
      }
      files.push(...found);
    } else if (hasPattern(argument)) {
      const found = patternMatches(fs, argument, recursive);
      if (found.length === 0) throw new NoMatchError(argument, `Không có tệp nào khớp với mẫu "${argument}".`);
      files.push(...found);
    } else {
      files.push(argument);
    }
  }
  return files;
}
