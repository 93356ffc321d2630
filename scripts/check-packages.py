#!/usr/bin/env python3
"""Checks that a package list is complete for a build: every file outside the source and build
folders that the build used, and that the programs and tests use when they run, belongs to a
Debian package that the list names, or that a listed package (or a package every Debian 12 system
has: Essential, and apt) depends on.

    scripts/check-packages.py [--runtime] BUILD_DIR [PACKAGE_LIST]

What counts as used:
  - every header the compiler read (ninja's dependency log, `ninja -t deps`);
  - every file under /usr, /lib, /bin or /etc named by the build's ninja files: the libraries on the
    link lines, the compiler and the tools that ran (cmake, moc, rcc, uic, lrelease), the CMake
    package files read at configure time; the libraries a `-lNAME` and the compiler's implicit link
    libraries resolve to; the pkg-config files of the modules CMake asked for;
  - with --runtime: the shared libraries of the built programs and test programs (ldd), the Qt
    plugins they load (the offscreen and xcb platforms, the SQLite and PostgreSQL drivers), the
    programs that the tests and the set-up script run, and the CJK font the window shows.

The dependency closure is computed on the installed packages (dpkg's database): Depends and
Pre-Depends (not Recommends: the set-up installs without them); of alternatives `a | b`, the first
one installed; a virtual package stands for its installed providers.

Prints one line per missing package and exits 1 when something is missing, 0 otherwise.
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys

MULTIARCH = "x86_64-linux-gnu"


def run(cmd, cwd=None, check=True):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and p.returncode != 0:
        sys.exit(f"check-packages: {' '.join(cmd)} failed: {p.stderr.strip()}")
    return p.stdout


def read_list(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.append(line)
    return names


# --- dpkg's database --------------------------------------------------------------------------


def bare(name):
    """A package name without its architecture qualifier (zlib1g-dev:amd64, python3:any)."""
    return name.split(":", 1)[0].strip()


def parse_relations(field):
    """'a (>= 1) | b, c' -> [['a', 'b'], ['c']]"""
    groups = []
    for group in field.split(","):
        alts = [bare(re.sub(r"[\(\[<].*", "", a).strip()) for a in group.split("|")]
        alts = [a for a in alts if a]
        if alts:
            groups.append(alts)
    return groups


class Dpkg:
    def __init__(self):
        fmt = "${Package}\t${db:Status-Abbrev}\t${Essential}\t${Provides}\t${Pre-Depends}\t${Depends}\n"
        self.installed = {}
        self.essential = set()
        self.providers = {}
        for line in run(["dpkg-query", "-W", "-f=" + fmt]).splitlines():
            fields = line.split("\t")
            if len(fields) != 6:
                continue
            pkg, status, essential, provides, predepends, depends = fields
            if not status.startswith("ii"):
                continue
            deps = self.installed.setdefault(pkg, [])
            deps += parse_relations(predepends) + parse_relations(depends)
            if essential == "yes":
                self.essential.add(pkg)
            for group in parse_relations(provides):
                for virtual in group:
                    self.providers.setdefault(virtual, set()).add(pkg)
        self.owner = {}
        for listfile in glob.glob("/var/lib/dpkg/info/*.list"):
            pkg = bare(os.path.basename(listfile)[: -len(".list")])
            with open(listfile, encoding="utf-8", errors="replace") as f:
                for path in f:
                    self.owner.setdefault(path.rstrip("\n"), set()).add(pkg)

    def choose(self, alternatives):
        """The installed packages that satisfy one dependency: the first alternative installed
        (a virtual one stands for its installed providers)."""
        for alt in alternatives:
            if alt in self.installed:
                return {alt}
            providers = {p for p in self.providers.get(alt, ()) if p in self.installed}
            if providers:
                return providers
        return set()

    def closure(self, roots):
        seen = set()
        todo = [r for r in roots if r in self.installed]
        while todo:
            pkg = todo.pop()
            if pkg in seen:
                continue
            seen.add(pkg)
            for group in self.installed.get(pkg, []):
                todo += [p for p in self.choose(group) if p not in seen]
        return seen

    def owners(self, path):
        """The packages that ship a path, trying the path as given, with its folders resolved, with
        the file's links resolved, and the /usr-merged aliases of each (/lib <-> /usr/lib)."""
        candidates = [path, os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path)),
                      os.path.realpath(path)]
        for c in list(candidates):
            for a, b in (("/usr/lib/", "/lib/"), ("/usr/bin/", "/bin/"), ("/usr/sbin/", "/sbin/"),
                         ("/usr/lib64/", "/lib64/")):
                if c.startswith(a):
                    candidates.append(b + c[len(a):])
                elif c.startswith(b):
                    candidates.append(a + c[len(b):])
        found = set()
        for c in candidates:
            found |= self.owner.get(c, set())
            if found:
                # the first name that dpkg knows owns the file; a link and its target may belong to
                # two packages (libfoo.so in -dev, libfoo.so.1 in the library), and the link is what
                # the build named
                return found
        return found


# --- what the build used ----------------------------------------------------------------------


SYSTEM_PREFIXES = ("/usr/", "/lib/", "/lib64/", "/bin/", "/sbin/", "/etc/", "/opt/")


def is_system_file(path, excluded):
    if not path.startswith("/") or any(path.startswith(e) for e in excluded):
        return False
    return os.path.isfile(path)


def build_files(build, excluded):
    """path -> what it was used for"""
    used = {}

    def add(path, why):
        path = os.path.normpath(path)
        if is_system_file(path, excluded):
            used.setdefault(path, why)

    # headers: the compiler's dependency records
    for line in run(["ninja", "-C", build, "-t", "deps"]).splitlines():
        if line.startswith("    "):
            p = line.strip()
            if not os.path.isabs(p):
                p = os.path.join(build, p)
            add(p, "header")

    # libraries, tools and CMake files named by the ninja files
    ninja_files = [os.path.join(build, "build.ninja")] + glob.glob(os.path.join(build, "CMakeFiles", "*.ninja"))
    libnames, libdirs = set(), []
    for nf in ninja_files:
        with open(nf, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for m in re.finditer(r"(?<![\w./-])(/(?:usr|lib|lib64|bin|sbin|etc|opt)/[^\s\"';:$,)|]+)", text):
            add(m.group(1), "build")
        libnames |= set(re.findall(r"(?<!\S)-l([\w+.-]+)", text))
        libdirs += re.findall(r"(?<!\S)-L(/[^\s]+)", text)

    # the compiler's implicit link libraries, and -lNAME
    for cc in glob.glob(os.path.join(build, "CMakeFiles", "*", "CMakeCXXCompiler.cmake")):
        with open(cc, encoding="utf-8") as f:
            text = f.read()
        m = re.search(r'CMAKE_CXX_IMPLICIT_LINK_LIBRARIES "([^"]*)"', text)
        if m:
            libnames |= {n for n in m.group(1).split(";") if n}
        m = re.search(r'CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES "([^"]*)"', text)
        if m:
            libdirs += [d for d in m.group(1).split(";") if d]
    for name in sorted(libnames):
        for d in libdirs:
            hit = next((os.path.join(d, f) for f in (f"lib{name}.so", f"lib{name}.a")
                        if os.path.isfile(os.path.join(d, f))), None)
            if hit:
                add(hit, f"-l{name}")
                break

    # the pkg-config files of the modules CMake asked for (and the ones they require)
    cache = os.path.join(build, "CMakeCache.txt")
    modules = set()
    if os.path.isfile(cache):
        with open(cache, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"__pkg_config_arguments_\w+:INTERNAL=(.*)", line)
                if m:
                    modules |= {a for a in m.group(1).strip().split(";")
                                if a and a not in ("REQUIRED", "QUIET", "IMPORTED_TARGET", "GLOBAL")
                                and not a.startswith("NO_")}
    todo = sorted(modules)
    while todo and shutil.which("pkg-config"):
        module = todo.pop()
        for p in run(["pkg-config", "--path", module], check=False).split():
            add(p, "pkg-config")
        for req in run(["pkg-config", "--print-requires", "--print-requires-private", module],
                       check=False).splitlines():
            req = req.split()[0] if req.split() else ""
            if req and req not in modules:
                modules.add(req)
                todo.append(req)
    return used


# --- what the programs and the tests use when they run ----------------------------------------

# Qt plugins the programs load: the platforms of the window (xcb) and of the headless tests
# (offscreen), the review store's drivers (SQLite, PostgreSQL).
QT_PLUGINS = ["platforms/libqoffscreen.so", "platforms/libqxcb.so",
              "sqldrivers/libqsqlite.so", "sqldrivers/libqsqlpsql.so"]
# Programs that the tests and scripts run: scripts/pg-test-cluster.sh (the PostgreSQL cases of
# tst_reviewstore), scripts/setup.sh test, bench/ui/screenshot.sh.
PROGRAMS = ["initdb", "pg_ctl", "postgres", "runuser", "python3", "git", "clang-format",
            "xvfb-run", "Xvfb", "xauth", "xdotool", "import", "lintian", "desktop-file-validate",
            "appstreamcli", "dpkg-shlibdeps", "readelf"]
FONT = "Noto Sans CJK SC"


def elf_files(folders):
    for folder in folders:
        for p in sorted(glob.glob(os.path.join(folder, "*"))):
            if os.path.isfile(p) and os.access(p, os.X_OK):
                with open(p, "rb") as f:
                    if f.read(4) == b"\x7fELF":
                        yield p


def ldd(path):
    libs = []
    for line in run(["ldd", path], check=False).splitlines():
        m = re.search(r"=>\s*(/\S+)", line) or re.match(r"\s*(/\S+)", line)
        if m:
            libs.append(m.group(1))
    return libs


def runtime_files(build, excluded):
    used = {}
    missing = []

    def add(path, why):
        path = os.path.normpath(path)
        if is_system_file(path, excluded):
            used.setdefault(path, why)

    binaries = list(elf_files([os.path.join(build, "bin"), os.path.join(build, "tests")]))
    plugin_root = f"/usr/lib/{MULTIARCH}/qt6/plugins"
    for plugin in QT_PLUGINS:
        p = os.path.join(plugin_root, plugin)
        if os.path.isfile(p):
            add(p, "Qt plugin")
            binaries.append(p)
        else:
            missing.append(f"Qt plugin {plugin}")
    for b in binaries:
        for lib in ldd(b):
            add(lib, "shared library of " + os.path.basename(b))

    # the system's programs, not what a user put before them on PATH (/usr/local, ~/.pyenv)
    system_path = "/usr/sbin:/usr/bin:/sbin:/bin"
    pg_bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    for prog in PROGRAMS:
        path = shutil.which(prog, path=system_path) or next(
            (os.path.join(d, prog) for d in reversed(pg_bins) if os.path.isfile(os.path.join(d, prog))), None)
        if path:
            add(path, "program")
        else:
            missing.append(f"program {prog}")
    fc_match = shutil.which("fc-match", path=system_path)
    if fc_match:
        add(fc_match, "program")
    font = run([fc_match, "-f", "%{file}", FONT + ":lang=zh-cn"], check=False) if fc_match else ""
    family = run([fc_match, "-f", "%{family}", FONT + ":lang=zh-cn"], check=False) if font else ""
    if font and FONT in family:
        add(font, "font")
    else:
        missing.append(f"font {FONT}")
    return used, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runtime", action="store_true",
                    help="also what the programs and tests use when they run")
    ap.add_argument("build", help="the build folder (Ninja)")
    ap.add_argument("packages", nargs="?", help="the package list (default: scripts/packages.txt)")
    args = ap.parse_args()

    source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    build = os.path.abspath(args.build)
    list_path = args.packages or os.path.join(source, "scripts", "packages.txt")
    if not os.path.isfile(os.path.join(build, ".ninja_deps")):
        sys.exit(f"check-packages: {build} is not a built Ninja build folder")

    excluded = [source.rstrip("/") + "/", build.rstrip("/") + "/"]
    used = build_files(build, excluded)
    problems = []
    if args.runtime:
        runtime, absent = runtime_files(build, excluded)
        for k, v in runtime.items():
            used.setdefault(k, v)
        problems += [f"not installed: {a}" for a in absent]

    dpkg = Dpkg()
    listed = read_list(list_path)
    problems += [f"listed but not installed: {p}" for p in listed if p not in dpkg.installed]
    base = dpkg.essential | {"apt"}
    have = dpkg.closure(set(listed) | base)

    missing = {}  # package -> files
    unowned = []
    for path in sorted(used):
        owners = dpkg.owners(path)
        if not owners:
            unowned.append(path)
        elif not owners & have:
            missing.setdefault(" | ".join(sorted(owners)), []).append(path)

    for pkg, files in sorted(missing.items()):
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        problems.append(f"missing package: {pkg} (for {shown})")
    for path in unowned:
        problems.append(f"not from a Debian package: {path} ({used[path]})")

    for p in problems:
        print(p)
    name = args.packages or "scripts/packages.txt"
    if problems:
        print(f"{name}: incomplete, {len(problems)} problem(s); {len(used)} files checked", file=sys.stderr)
        return 1
    print(f"{name}: complete; {len(used)} files checked, from {len(listed)} listed packages "
          f"and {len(have)} in their closure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
