"""The shipped deployment files: systemd units, the kiosk's X session script, the settings
examples, and the guide that explains them (docs/deployment.md).

No Qt and no X server: every ``exhibition-app`` option the files use is looked up in the real
argparse parser, the session script runs against a stand-in ``exhibition-app`` that records
its arguments, and ``systemd-analyze`` checks the units where it is installed.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from exhibition_app.cli.main import build_parser

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SYSTEMD = DEPLOY / "systemd"
SESSION = DEPLOY / "xinit" / "kiosk-session"
KIOSK_ENV = DEPLOY / "kiosk.env.example"
BACKUP_ENV = DEPLOY / "backup.env.example"
GUIDE = ROOT / "docs" / "deployment.md"
INSTALL_PREFIX = "/opt/exhibition-app/"  # where the guide puts the checkout on a kiosk

KIOSK = SYSTEMD / "exhibition-kiosk.service"
SYNC = SYSTEMD / "exhibition-sync.service"
SYNC_TIMER = SYSTEMD / "exhibition-sync.timer"
BACKUP = SYSTEMD / "exhibition-backup.service"
BACKUP_TIMER = SYSTEMD / "exhibition-backup.timer"
UNITS = [KIOSK, SYNC, SYNC_TIMER, BACKUP, BACKUP_TIMER]

# Every key the units may use, by section: a misspelt key fails here even where
# systemd-analyze is not installed.
KNOWN_KEYS = {
    "Unit": {
        "Description",
        "Documentation",
        "Wants",
        "Requires",
        "After",
        "Before",
        "Conflicts",
        "ConditionPathExists",
        "StartLimitIntervalSec",
        "RequiresMountsFor",
    },
    "Service": {
        "Type",
        "User",
        "Group",
        "WorkingDirectory",
        "EnvironmentFile",
        "Environment",
        "UnsetEnvironment",
        "PAMName",
        "TTYPath",
        "TTYReset",
        "TTYVHangup",
        "TTYVTDisallocate",
        "StandardInput",
        "StandardOutput",
        "StandardError",
        "UtmpIdentifier",
        "UtmpMode",
        "ExecStartPre",
        "ExecStart",
        "ExecStartPost",
        "Restart",
        "RestartSec",
        "Nice",
        "IOSchedulingClass",
        "TimeoutStartSec",
        "UMask",
        "NoNewPrivileges",
        "ProtectSystem",
        "ProtectHome",
        "PrivateTmp",
    },
    "Timer": {"OnCalendar", "RandomizedDelaySec", "Persistent", "Unit"},
    "Install": {"WantedBy"},
}


# -- reading the files -----------------------------------------------------------------------


def parse_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A unit file as {section: {key: [values, in order]}} (keys may repeat, as in systemd)."""
    lines: list[str] = []
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line[0] in "#;"):
            continue
        if line.endswith("\\"):  # a continued line: systemd joins it with a space
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    assert not pending, f"{path.name}: the last line ends with a backslash"
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for line in lines:
        if line.startswith("[") and line.endswith("]"):
            assert line[1:-1] not in sections, f"{path.name}: {line} appears twice"
            current = sections[line[1:-1]] = {}
            continue
        key, sep, value = line.partition("=")
        assert current is not None, f"{path.name}: {line!r} comes before any [Section]"
        assert sep and key.strip() == key and key, f"{path.name}: {line!r} is not Key=value"
        current.setdefault(key, []).append(value.strip())
    return sections


def one(unit: dict[str, dict[str, list[str]]], section: str, key: str) -> str:
    values = unit.get(section, {}).get(key, [])
    assert len(values) == 1, f"[{section}] {key}= should be set once, found {values}"
    return values[0]


def words_of(unit: dict[str, dict[str, list[str]]], section: str, key: str) -> list[str]:
    """All space-separated values of a list setting such as After= or Wants=."""
    return [w for value in unit.get(section, {}).get(key, []) for w in value.split()]


def parse_env(path: Path, *, commented: bool = False) -> dict[str, str]:
    """KEY=value lines of an environment file; with ``commented``, also ``#KEY=value`` ones."""
    env: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if commented and re.match(r"#[A-Z_]+=", line):
            line = line[1:]
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Z_][A-Z0-9_]*", key), f"{path.name}: bad line {raw!r}"
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        env[key] = value
    return env


EXEC_KEYS = ("ExecStartPre", "ExecStart", "ExecStartPost")
SHELLS = {"sh", "bash", "dash"}


def exhibition_app_calls(command_line: str) -> list[list[str]]:
    """The argument lists of every ``exhibition-app`` an Exec*= line runs, also through
    ``sh -c '...'``. systemd's ``$$`` and ``%%`` become ``$`` and ``%`` first."""
    words = shlex.split(command_line.replace("$$", "$").replace("%%", "%"))
    words[0] = words[0].lstrip("-@:+!")  # systemd's prefixes: ignore failure, as root, ...
    calls: list[list[str]] = []

    def collect(ws: list[str]) -> None:
        for i, word in enumerate(ws):
            if word == "-c" and i > 0 and Path(ws[i - 1]).name in SHELLS and i + 1 < len(ws):
                collect(shlex.split(ws[i + 1]))
                return
            if Path(word).name == "exhibition-app":
                args: list[str] = []
                for arg in ws[i + 1 :]:
                    if arg in {";", "&&", "||", "|"}:
                        break
                    args.append(arg)
                calls.append(args)
                collect(ws[i + 1 + len(args) :])
                return

    collect(words)
    return calls


def unit_calls(path: Path) -> list[list[str]]:
    unit = parse_unit(path)
    return [
        call
        for key in EXEC_KEYS
        for line in unit.get("Service", {}).get(key, [])
        for call in exhibition_app_calls(line)
    ]


def session_options() -> list[str]:
    """The ``--options`` the session script passes (outside comments)."""
    found: list[str] = []
    for raw in SESSION.read_text(encoding="utf-8").splitlines():
        code = raw.split("#", 1)[0] if not raw.lstrip().startswith("#!") else ""
        for option in re.findall(r"(?<![\w$-])--[a-z][a-z0-9-]*", code):
            if option not in found:
                found.append(option)
    return found


# -- the real parser -------------------------------------------------------------------------


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _takes_value(parser: argparse.ArgumentParser, option: str) -> bool:
    action = parser._option_string_actions.get(option)
    return action is not None and action.nargs != 0


def classify(args: list[str]) -> list[tuple[tuple[str, ...], str]]:
    """Each option of an ``exhibition-app`` call with the command it belongs to:
    ``((), "--catalog")`` for a global option, ``(("sync",), "--from")`` for a command's."""
    parser = build_parser()
    command: list[str] = []
    current: argparse.ArgumentParser | None = parser
    found: list[tuple[tuple[str, ...], str]] = []
    skip_value = False
    for arg in args:
        if skip_value:
            skip_value = False
            continue
        if arg.startswith("--") and len(arg) > 2:
            option, has_value, _ = arg.partition("=")
            found.append((tuple(command), option))
            skip_value = not has_value and current is not None and _takes_value(current, option)
        elif not arg.startswith("-") and current is not None and _subparsers(current):
            command.append(arg)
            current = _subparsers(current).get(arg)
        # else: a positional argument (a FILE), or anything after a command unknown here
    return found


def command_parser(command: tuple[str, ...]) -> argparse.ArgumentParser | None:
    """The parser of ``command`` (``()`` for the top level), or None if it is not registered."""
    current: argparse.ArgumentParser | None = build_parser()
    for name in command:
        current = _subparsers(current).get(name) if current is not None else None
    return current


def option_cases() -> list[tuple[str, tuple[str, ...], str]]:
    cases: list[tuple[str, tuple[str, ...], str]] = []
    for path in (SYNC, BACKUP, KIOSK):
        for call in unit_calls(path):
            cases += [(path.name, command, option) for command, option in classify(call)]
    cases += [(SESSION.name, (), option) for option in session_options()]
    return list(dict.fromkeys(cases))


def substitute(word: str, env: dict[str, str]) -> str:
    """``${NAME}`` and ``${NAME:-default}`` (systemd's and the shell's) from ``env``."""

    def value(m: re.Match[str]) -> str:
        return env.get(m.group(1)) or (m.group(2) or "")

    return re.sub(r"\$\{(\w+)(?::-([^}]*))?\}", value, word)


def parse_call(args: list[str], capsys: pytest.CaptureFixture[str]) -> argparse.Namespace:
    try:
        return build_parser().parse_args(args)
    except SystemExit as exc:  # argparse reports a usage error this way
        pytest.fail(f"exhibition-app {shlex.join(args)}: {capsys.readouterr().err.strip()} {exc}")


# -- unit files ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_unit_parses_and_uses_known_keys(path: Path) -> None:
    unit = parse_unit(path)
    assert one(unit, "Unit", "Description")
    assert one(unit, "Unit", "Documentation").endswith("docs/deployment.md")
    kind = path.suffix[1:].capitalize()  # "Service" or "Timer"
    assert kind in unit, f"{path.name} has no [{kind}] section"
    for section, keys in unit.items():
        assert section in KNOWN_KEYS, f"{path.name}: unexpected section [{section}]"
        unknown = set(keys) - KNOWN_KEYS[section]
        assert not unknown, f"{path.name}: unknown keys in [{section}]: {sorted(unknown)}"


@pytest.mark.parametrize("path", [KIOSK, SYNC, BACKUP], ids=lambda p: p.name)
def test_service_runs_something_absolute(path: Path) -> None:
    unit = parse_unit(path)
    start = one(unit, "Service", "ExecStart")
    program = shlex.split(start.replace("$$", "$").replace("%%", "%"))[0].lstrip("-@:+!")
    assert program.startswith("/"), f"{path.name}: ExecStart needs an absolute path"
    assert one(unit, "Service", "EnvironmentFile").startswith("/etc/exhibition-app/")
    assert one(unit, "Service", "User") in {"kiosk", "exhibition"}, "never as root"
    assert "network-online.target" in words_of(unit, "Unit", "After")
    assert "network-online.target" in words_of(unit, "Unit", "Wants")


def test_kiosk_service_starts_x_with_the_session_and_restarts() -> None:
    unit = parse_unit(KIOSK)
    assert one(unit, "Service", "Restart") == "always"
    assert float(one(unit, "Service", "RestartSec").rstrip("s")) > 0
    assert one(unit, "Unit", "StartLimitIntervalSec") == "0", "must never give up restarting"
    assert one(unit, "Service", "EnvironmentFile") == "/etc/exhibition-app/kiosk.env"
    assert one(unit, "Service", "User") == "kiosk"
    assert one(unit, "Install", "WantedBy") in {"multi-user.target", "graphical.target"}
    argv = shlex.split(one(unit, "Service", "ExecStart"))
    assert argv[0] == "/usr/bin/xinit"
    client = argv[1]
    assert client.startswith(INSTALL_PREFIX)
    assert ROOT / client.removeprefix(INSTALL_PREFIX) == SESSION, "the shipped script"
    server_args = argv[argv.index("--") + 1 :]
    assert server_args[0] == ":0"
    vts = [a for a in server_args if re.fullmatch(r"vt\d+", a)]
    assert len(vts) == 1, "X must run on one fixed VT"
    tty = f"tty{vts[0][2:]}"
    assert "-nolisten" in server_args and "tcp" in server_args
    # The logind session, the VT X runs on and the one no getty may take are the same.
    assert one(unit, "Service", "TTYPath") == f"/dev/{tty}"
    assert one(unit, "Service", "UtmpIdentifier") == tty
    assert f"getty@{tty}.service" in words_of(unit, "Unit", "Conflicts")
    assert one(unit, "Service", "PAMName")
    chvt = shlex.split(one(unit, "Service", "ExecStartPre").lstrip("+"))
    assert chvt[1:] == [vts[0][2:]]


@pytest.mark.parametrize(
    ("timer", "service"), [(SYNC_TIMER, SYNC), (BACKUP_TIMER, BACKUP)], ids=lambda p: p.name
)
def test_timer_starts_its_oneshot_service(timer: Path, service: Path) -> None:
    t, s = parse_unit(timer), parse_unit(service)
    assert one(t, "Timer", "OnCalendar")
    assert one(t, "Timer", "RandomizedDelaySec")
    assert one(t, "Timer", "Unit") == service.name
    assert one(t, "Install", "WantedBy") == "timers.target"
    assert one(s, "Service", "Type") == "oneshot"
    assert "Install" not in s, f"{service.name} is started by {timer.name}, not enabled itself"


def test_sync_every_ten_minutes_from_a_mounted_share() -> None:
    assert one(parse_unit(SYNC_TIMER), "Timer", "OnCalendar") == "*:0/10"
    unit = parse_unit(SYNC)
    mount = one(unit, "Unit", "RequiresMountsFor")
    [call] = unit_calls(SYNC)
    assert call[call.index("sync") :][:3] == ["sync", "--from", mount]
    assert "--published-only" in call
    assert one(unit, "Service", "User") == "kiosk", "the kiosk's replica belongs to kiosk"


def test_backup_nightly_with_rotation() -> None:
    timer = parse_unit(BACKUP_TIMER)
    assert re.fullmatch(r"\*-\*-\* \d\d:\d\d(:\d\d)?", one(timer, "Timer", "OnCalendar"))
    assert one(timer, "Timer", "Persistent") == "true"
    unit = parse_unit(BACKUP)
    [call] = unit_calls(BACKUP)
    assert "backup" in call
    rotation = one(unit, "Service", "ExecStartPost")  # only runs after a successful backup
    assert "-delete" in rotation and "KEEP_DAYS" in rotation
    assert one(unit, "Service", "UMask") == "0077", "backups hold every record: private"


# -- exhibition-app options ------------------------------------------------------------------


OPTION_CASES = option_cases()


@pytest.mark.parametrize(
    ("source", "command", "option"),
    OPTION_CASES,
    ids=[f"{src}:{' '.join((*cmd, opt))}" for src, cmd, opt in OPTION_CASES],
)
def test_option_exists_in_the_real_parser(source: str, command: tuple[str, ...], option: str):
    parser = command_parser(command)
    if parser is None:
        pytest.skip(
            f"{source}: the command 'exhibition-app {' '.join(command)}' is not registered in "
            f"exhibition_app.cli.main yet, so {option} cannot be checked"
        )
    assert option in parser._option_string_actions, (
        f"{source}: exhibition-app {' '.join(command)} has no option {option}"
    )


def test_every_file_calls_exhibition_app() -> None:
    assert unit_calls(SYNC) and unit_calls(BACKUP)
    assert not unit_calls(KIOSK), "the kiosk runs it through the session script"
    assert {"--kiosk", "--assets", "--station", "--hide-cursor"} <= set(session_options())
    # The catalogue URL holds the password: it goes through the environment, never argv.
    assert "--catalog" not in session_options()
    assert 'export EXHIBITION_CATALOG="$CATALOG_URL"' in SESSION.read_text(encoding="utf-8")


@pytest.mark.parametrize(("service", "env_file"), [(SYNC, KIOSK_ENV), (BACKUP, BACKUP_ENV)])
def test_unit_command_lines_parse(
    service: Path, env_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = parse_env(env_file)
    for call in unit_calls(service):
        args = [substitute(word, env) for word in call]
        assert "${" not in " ".join(args), f"{service.name}: unset variable in {args}"
        found = classify(args)
        missing = [cmd for cmd, _ in found if command_parser(cmd) is None]
        if missing:
            # The global options were checked one by one above; the whole line can only be
            # parsed once the command exists.
            pytest.skip(f"'exhibition-app {' '.join(missing[0])}' is not registered yet")
        parsed = parse_call(args, capsys)
        # The URL holds the password: it goes through the environment, never argv.
        assert parsed.catalog is None and "--catalog" not in args
    for line in parse_unit(service)["Service"]["ExecStart"]:
        assert 'EXHIBITION_CATALOG="$${CATALOG_URL}" exec /usr/local/bin/exhibition-app' in line


@pytest.mark.parametrize("path", [KIOSK, SYNC, BACKUP], ids=lambda p: p.name)
def test_unit_variables_are_in_the_example_settings(path: Path) -> None:
    unit = parse_unit(path)
    env_file = KIOSK_ENV if one(unit, "Service", "User") == "kiosk" else BACKUP_ENV
    env = parse_env(env_file)
    text = " ".join(v for key in EXEC_KEYS for v in unit["Service"].get(key, []))
    for name, default in re.findall(r"\$\{(\w+)(:-[^}]*)?\}", text.replace("$$", "$")):
        assert name in env or default, f"{path.name} uses ${name}; {env_file.name} lacks it"


# -- the kiosk session script ----------------------------------------------------------------


def test_session_script_is_executable_posix_sh() -> None:
    mode = SESSION.stat().st_mode
    assert mode & stat.S_IXUSR and mode & stat.S_IXGRP and mode & stat.S_IXOTH
    assert SESSION.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    for shell in ("sh", "dash"):
        if shutil.which(shell):
            done = subprocess.run([shell, "-n", str(SESSION)], capture_output=True, text=True)
            assert done.returncode == 0, done.stderr


def test_session_script_has_no_loop_and_execs_the_app() -> None:
    code = "\n".join(
        line.split("#", 1)[0] for line in SESSION.read_text(encoding="utf-8").splitlines()
    )
    assert not re.search(r"\b(while|until|for)\b", code), "systemd restarts it, not a loop"
    assert re.search(r"^exec exhibition-app \"\$@\"$", code, re.MULTILINE)


def test_session_script_passes_shellcheck() -> None:
    if not shutil.which("shellcheck"):
        pytest.skip("shellcheck is not installed")
    done = subprocess.run(["shellcheck", "-s", "sh", str(SESSION)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def run_session(
    tmp_path: Path, settings: dict[str, str], *, with_xset: bool = True, status: int = 0
) -> tuple[list[str], list[str], subprocess.CompletedProcess[str]]:
    """Run the script with stand-ins for exhibition-app and xset; (app argv, xset calls)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    argv_file, xset_file = tmp_path / "argv", tmp_path / "xset"
    # The stand-in records its command line, and $EXHIBITION_CATALOG as the --catalog the
    # real parser takes it for.
    (bin_dir / "exhibition-app").write_text(
        "#!/bin/sh\n"
        f'printf "%s\\0" "$@" >> "{argv_file}"\n'
        f'printf "%s" "${{EXHIBITION_CATALOG:-}}" > "{argv_file}.env"\n'
        f"exit {status}\n",
        encoding="utf-8",
    )
    (bin_dir / "xset").write_text(f'#!/bin/sh\necho "$*" >> "{xset_file}"\n', encoding="utf-8")
    if not with_xset:
        (bin_dir / "xset").unlink()
    for program in bin_dir.iterdir():
        program.chmod(0o755)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), **settings}
    done = subprocess.run(
        ["/bin/sh", str(SESSION)], env=env, capture_output=True, text=True, timeout=60
    )
    argv = argv_file.read_bytes().decode().split("\0")[:-1] if argv_file.exists() else []
    from_env = Path(f"{argv_file}.env")
    if from_env.exists() and from_env.read_text(encoding="utf-8"):
        url = from_env.read_text(encoding="utf-8")
        assert url not in argv, "the catalogue URL (and its password) must stay off argv"
        argv = ["--catalog", url, *argv]
    xset = xset_file.read_text(encoding="utf-8").splitlines() if xset_file.exists() else []
    return argv, xset, done


def test_session_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv, xset, done = run_session(tmp_path, {})
    assert done.returncode == 0, done.stderr
    assert xset == ["s off", "s noblank", "-dpms"]
    args = parse_call(argv, capsys)
    assert args.command is None and args.kiosk
    assert args.catalog is None, "no CATALOG_URL: the app's own default catalogue"
    assert args.assets == "/var/lib/exhibition-app/assets"
    assert args.pin_file == "/var/lib/exhibition-app/kiosk-pin.json"
    assert (args.idle, args.idle_countdown) == (90, 15)
    assert args.hide_cursor and not args.reduced_motion
    assert args.station is None and args.tour is None and args.lang == "en"


def test_session_with_the_example_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = parse_env(KIOSK_ENV)
    argv, _, done = run_session(tmp_path, env)
    assert done.returncode == 0, done.stderr
    args = parse_call(argv, capsys)
    assert args.kiosk and args.command is None
    assert args.catalog == env["CATALOG_URL"]
    assert args.assets == env["ASSETS"]
    assert args.station == env["STATION"]
    assert args.pin_file == env["PIN_FILE"]
    assert args.idle == float(env["IDLE"]) and args.idle_countdown == int(env["IDLE_COUNTDOWN"])


def test_session_with_every_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = parse_env(KIOSK_ENV, commented=True)
    assert {"TOUR", "KIOSK_LANG", "EXTRA_ARGS"} <= set(env), "documented in the example"
    env.update(
        STATION="hall 3 (west)",
        TOUR="bridging-horizons",
        KIOSK_LANG="kk",
        HIDE_CURSOR="no",
        REDUCED_MOTION="yes",
        IDLE="120",
        IDLE_COUNTDOWN="20",
        EXTRA_ARGS="--tile-cache 512 --fallback ru,en",
    )
    argv, _, done = run_session(tmp_path, env)
    assert done.returncode == 0, done.stderr
    args = parse_call(argv, capsys)
    assert args.station == "hall 3 (west)", "a value with spaces stays one argument"
    assert (args.tour, args.lang) == ("bridging-horizons", "kk")
    assert not args.hide_cursor and args.reduced_motion
    assert (args.idle, args.idle_countdown) == (120, 20)
    assert args.tile_cache == 512 and args.fallback == ("ru", "en")


def test_session_execs_once_and_passes_the_status_on(tmp_path: Path) -> None:
    argv, _, done = run_session(tmp_path, {}, status=3)
    assert done.returncode == 3, "exec: the app's exit status is the session's"
    assert argv.count("--kiosk") == 1, "started once: no loop"


def test_session_without_xset_still_starts_the_kiosk(tmp_path: Path) -> None:
    argv, xset, done = run_session(tmp_path, {}, with_xset=False)
    assert done.returncode == 0 and "--kiosk" in argv and not xset
    assert "xset" in done.stderr


# -- settings examples -----------------------------------------------------------------------


def test_kiosk_env_example_documents_what_the_script_reads() -> None:
    read = set(re.findall(r"\$\{(\w+)", SESSION.read_text(encoding="utf-8")))
    documented = set(parse_env(KIOSK_ENV, commented=True))
    assert read <= documented, f"not in {KIOSK_ENV.name}: {sorted(read - documented)}"
    assert documented <= read | {"CATALOG_URL", "ASSETS"}, "no setting that nothing reads"
    assert parse_env(KIOSK_ENV)["CATALOG_URL"].startswith("postgresql+psycopg://")
    assert "LANG" not in documented, "LANG is the locale; the kiosk's language is KIOSK_LANG"


def test_backup_env_example() -> None:
    env = parse_env(BACKUP_ENV)
    assert env["CATALOG_URL"].startswith("postgresql+psycopg://")
    assert env["BACKUP_DIR"].startswith("/") and env["KEEP_DAYS"].isdigit()


# -- the guide -------------------------------------------------------------------------------


def shipped_files() -> list[Path]:
    return sorted(p for p in DEPLOY.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_guide_mentions_every_shipped_file(path: Path) -> None:
    relative = path.relative_to(ROOT).as_posix()
    assert relative in GUIDE.read_text(encoding="utf-8"), f"{GUIDE.name} never names {relative}"


def test_readme_links_the_guide() -> None:
    assert "docs/deployment.md" in (ROOT / "README.md").read_text(encoding="utf-8")


# -- systemd's own checks, where it is installed ---------------------------------------------

MISSING_COMMAND = re.compile(r"^\S+: Command (\S+) is not executable: No such file or directory$")


def test_systemd_analyze_verify(tmp_path: Path) -> None:
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    copies = []
    for path in UNITS:  # a folder of their own: nothing else there is loaded alongside
        copies.append(tmp_path / path.name)
        shutil.copyfile(path, copies[-1])
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *map(str, copies)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SYSTEMD_LOG_COLOR": "0"},
    )
    problems = []
    for line in (done.stdout + done.stderr).splitlines():
        m = MISSING_COMMAND.match(line.strip())
        if m and not os.access(m.group(1), os.X_OK):
            continue  # xinit, chvt or the app itself, installed on a kiosk but not here
        if line.strip():
            problems.append(line)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("timer", [SYNC_TIMER, BACKUP_TIMER], ids=lambda p: p.name)
def test_systemd_analyze_calendar(timer: Path) -> None:
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    expression = one(parse_unit(timer), "Timer", "OnCalendar")
    done = subprocess.run(
        ["systemd-analyze", "calendar", expression], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
