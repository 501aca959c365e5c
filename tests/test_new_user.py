"""What a new user meets first (issue 12): the setup's output, what a run leaves in the project folder, and
the README's claims and examples, each checked against what the program does."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from startup_health.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
SEEDS = ROOT / "seeds"
BIN = Path(sys.executable).parent  # what `. .venv/bin/activate` puts on the path


def new_user_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STARTUP_HEALTH_")}
    return {**env, "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "PYTHONPATH": str(ROOT), "HOME": str(home)}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git checkout of the project's seeds and .gitignore, after `startup-health ingest seeds/` in it."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    home = tmp_path_factory.mktemp("project")
    shutil.copytree(SEEDS, home / "seeds")
    shutil.copy(ROOT / ".gitignore", home / ".gitignore")
    env = new_user_env(home)
    for cmd in (["git", "init", "-q"], ["git", "add", "."],
                ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start"]):
        subprocess.run(cmd, cwd=home, check=True, env=env)
    done = subprocess.run([sys.executable, "-m", "startup_health", "ingest", "seeds/", "-q"], cwd=home, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return home


def test_a_run_leaves_nothing_for_git_to_track(project: Path) -> None:
    left = {p.name for p in project.iterdir()} - {".git", ".gitignore", "seeds"}
    assert "warehouse.duckdb" in left and "warehouse.duckdb.ingest.lock" in left  # what the ingest leaves
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=project,
                            capture_output=True, text=True, check=True).stdout
    assert status == "", f"a run leaves files git would add:\n{status}"


def readme_examples() -> list[str]:
    block = README.split("\nExamples:\n", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_examples_run_after_the_setup(project: Path) -> None:
    examples = readme_examples()
    assert len(examples) >= 3
    for line in examples:
        done = subprocess.run(["bash", "-c", line], cwd=project, env=new_user_env(project), capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        assert "Stability AI" in done.stdout or Path(project / "burn.csv").exists(), line
    assert "Stability AI" in (project / "burn.csv").read_text(encoding="utf-8")


def test_the_readme_says_which_commands_take_db() -> None:
    lacking = sorted(name for name, cmd in cli.commands.items() if not any("--db" in p.opts for p in cmd.params))
    sentence = re.search(r"Every command[^.]*takes `--db FILE`", README)
    assert sentence, "the README says which commands take --db"
    named = re.findall(r"`(\w+)`", sentence.group(0).split("takes")[0])
    assert sorted(named) == lacking  # "Every command but `eval` ... takes `--db FILE`"
    rows: dict[str, str] = {}
    for name, usage in re.findall(r"^\| `startup-health (\w+)(.*?)` \|", README, flags=re.M):
        rows[name] = rows.get(name, "") + usage
    assert sorted(rows) == sorted(cli.commands)
    assert sorted(name for name, usage in rows.items() if "--db" not in usage) == lacking


def test_readme_and_help_say_the_same_of_compact() -> None:
    from click.testing import CliRunner

    helped = CliRunner().invoke(cli, ["compact", "--help"]).output
    said = re.findall(r"one file per month and (\w+)", " ".join(helped.split()))
    written = re.findall(r"one file per month and (\w+)", README)
    assert said and written and set(written) == set(said), (said, written)


@pytest.mark.slow
def test_setup_prints_nothing_a_new_user_has_to_read() -> None:
    """`bash scripts/setup.sh` on an existing .venv (what start.sh runs every time): quiet on success.

    Lines of this machine's pip configuration (extra package indexes that are not there) are not the
    project's and are left out.
    """
    if not (ROOT / ".venv" / "bin" / "python").exists() or Path(sys.executable).parent != ROOT / ".venv" / "bin":
        pytest.skip("runs only with the project's own .venv")
    done = subprocess.run(["bash", "scripts/setup.sh"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    said = [line for line in (done.stdout + done.stderr).splitlines()
            if line.strip() and not re.match(r"WARNING: Location '.*' is ignored", line)]
    assert said == [], "\n".join(said)


def test_readme_example_lines_are_shell_words() -> None:
    for line in readme_examples():
        assert shlex.split(line, comments=True)[0] in {"startup-health", "python"}, line
