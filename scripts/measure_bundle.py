"""Report the size of a PyInstaller onedir build: the total and the largest files and folders.

    python scripts/measure_bundle.py dist/Lindungi
    python scripts/measure_bundle.py build/dist-notrim/Lindungi build/dist/Lindungi

With two folders it measures both and prints what the second saves over the first, folder
by folder and file by file (used to report the effect of the spec's Qt trimming: build once
with LINDUNGI_NO_TRIM=1, once without). Sizes are apparent file sizes in MB (10^6 bytes);
symbolic links are not followed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

MB = 1_000_000


def scan(root: Path) -> tuple[Counter[str], Counter[str]]:
    """Sizes of every file, and the cumulative size of every folder, under `root`.

    Keys are paths relative to `root` with '/' separators; the root itself is not a folder
    entry (its size is the total).
    """
    files: Counter[str] = Counter()
    dirs: Counter[str] = Counter()
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            size = path.stat().st_size
            rel = path.relative_to(root).as_posix()
            files[rel] = size
            parts = rel.split("/")[:-1]
            for depth in range(1, len(parts) + 1):
                dirs["/".join(parts[:depth])] += size
    return files, dirs


def top_dirs(dirs: Counter[str], n: int) -> list[tuple[str, int]]:
    """The n largest folders, skipping a folder that holds nearly all of its parent (such as
    `_internal`, which holds almost everything) so that the list shows where the bulk is."""
    out = []
    for path, size in dirs.most_common():
        children = [s for p, s in dirs.items() if p.rsplit("/", 1)[0] == path and "/" in p]
        if children and max(children) > 0.9 * size:
            continue  # a pass-through folder: its biggest child is listed instead
        out.append((path, size))
        if len(out) == n:
            break
    return out


def fmt(size: int) -> str:
    return f"{size / MB:8.1f} MB"


def report(root: Path, n: int) -> tuple[Counter[str], Counter[str], int]:
    files, dirs = scan(root)
    total = sum(files.values())
    print(f"{root}: {total / MB:.1f} MB in {len(files)} files")
    print(f"\n  {n} largest files")
    for path, size in files.most_common(n):
        print(f"  {fmt(size)}  {path}")
    print(f"\n  {n} largest folders")
    for path, size in top_dirs(dirs, n):
        print(f"  {fmt(size)}  {path}/")
    return files, dirs, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="one or two onedir folders")
    parser.add_argument("-n", type=int, default=15, help="how many entries to list (15)")
    args = parser.parse_args(argv)
    if len(args.folders) > 2:
        parser.error("give one folder, or two to compare")
    for folder in args.folders:
        if not folder.is_dir():
            print(f"not a folder: {folder}", file=sys.stderr)
            return 2

    before_files, before_dirs, before_total = report(args.folders[0], args.n)
    if len(args.folders) == 1:
        return 0
    print()
    after_files, after_dirs, after_total = report(args.folders[1], args.n)

    saved = before_total - after_total
    pct = 100 * saved / before_total if before_total else 0.0
    print(
        f"\n{args.folders[1]} is {saved / MB:.1f} MB smaller ({pct:.0f}%): "
        f"{before_total / MB:.1f} MB -> {after_total / MB:.1f} MB"
    )
    gone = Counter({p: s for p, s in before_files.items() if p not in after_files})
    print(f"\n  {len(gone)} files left out, {sum(gone.values()) / MB:.1f} MB; the largest:")
    for path, size in gone.most_common(args.n):
        print(f"  {fmt(size)}  {path}")
    shrunk = Counter({p: s - after_dirs.get(p, 0) for p, s in before_dirs.items()})
    print("\n  folders that shrank most")
    for path, size in top_dirs(+shrunk, args.n):
        print(f"  {fmt(size)}  {path}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
