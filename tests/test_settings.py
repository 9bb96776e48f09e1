"""cds_cli.settings: which pack, language and sheet — option > CDS_PLAN > nearest cds.toml > bundled."""

from __future__ import annotations

from pathlib import Path

import pytest

from cds_cli.errors import UsageError
from cds_cli.settings import find_config, read_config, resolve


@pytest.fixture
def tree(tmp_path):
    """tmp/cds.toml (plan = "packs/a"), tmp/packs/{a,b}, tmp/work/deep, tmp/env."""
    for folder in ("packs/a", "packs/b", "work/deep", "env"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "cds.toml").write_text('plan = "packs/a"\nlang = "en"\nsheet = "Báo cáo"\n', encoding="utf-8")
    return tmp_path


def test_find_config_looks_in_the_folder_then_its_parents(tree):
    assert find_config(tree / "work" / "deep") == tree / "cds.toml"
    assert find_config(tree) == tree / "cds.toml"
    (tree / "work" / "cds.toml").write_text('lang = "vi"\n', encoding="utf-8")
    assert find_config(tree / "work" / "deep") == tree / "work" / "cds.toml"  # the nearest one
    (tree / "env" / "cds.toml").mkdir()  # a folder of that name is not a config
    assert find_config(tree / "env") == tree / "cds.toml"


def test_find_config_without_one(tmp_path):
    if find_config(tmp_path) is not None:
        pytest.skip("a cds.toml above the temporary folder")
    assert find_config(tmp_path) is None


def test_a_relative_plan_is_relative_to_its_cds_toml(tree):
    settings = resolve(cwd=tree / "work" / "deep", environ={})
    assert settings.plan == tree / "packs" / "a" and settings.config == tree / "cds.toml"
    assert (settings.lang, settings.sheet) == ("en", "Báo cáo")


def test_cds_plan_beats_cds_toml_and_the_option_beats_both(tree):
    environ = {"CDS_PLAN": str(tree / "packs" / "b")}
    assert resolve(cwd=tree / "work", environ=environ).plan == tree / "packs" / "b"
    assert resolve(plan=tree / "env", cwd=tree / "work", environ=environ).plan == tree / "env"
    assert resolve(cwd=tree / "work", environ={"CDS_PLAN": ""}).plan == tree / "packs" / "a"  # empty: unset


def test_options_beat_the_toml_for_lang_and_sheet(tree):
    settings = resolve(lang="vi", sheet="Sheet2", cwd=tree, environ={})
    assert (settings.lang, settings.sheet) == ("vi", "Sheet2")


def test_nothing_set_means_the_bundled_pack_in_vietnamese(tmp_path):
    settings = resolve(cwd=tmp_path, environ={})
    if settings.config is not None:
        pytest.skip("a cds.toml above the temporary folder")
    assert (settings.plan, settings.lang, settings.sheet) == (None, "vi", None)


@pytest.mark.parametrize("how", ["option", "env", "toml"])
def test_a_missing_plan_directory_names_where_it_came_from(tmp_path, how):
    missing = tmp_path / "nowhere"
    if how == "toml":
        (tmp_path / "cds.toml").write_text('plan = "nowhere"\n', encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        resolve(
            plan=missing if how == "option" else None,
            cwd=tmp_path,
            environ={"CDS_PLAN": str(missing)} if how == "env" else {},
        )
    origin = {"option": "--plan", "env": "CDS_PLAN", "toml": str(tmp_path / "cds.toml")}[how]
    assert caught.value.code == "plan_dir_missing"
    assert caught.value.message("en") == f"{origin}: no plan directory {missing}"


def test_a_plan_that_is_a_file_is_not_a_pack(tmp_path):
    (tmp_path / "targets_2023.yaml").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="no plan directory"):
        resolve(plan=tmp_path / "targets_2023.yaml", cwd=tmp_path, environ={})


def _config_error(tmp_path: Path, content: str | bytes) -> UsageError:
    path = tmp_path / "cds.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(UsageError) as caught:
        read_config(path)
    return caught.value


def test_read_config_returns_the_settings(tmp_path):
    path = tmp_path / "cds.toml"
    path.write_text('plan = "../packs/2024"\nlang = "vi"\n', encoding="utf-8")
    assert read_config(path) == {"plan": "../packs/2024", "lang": "vi"}


@pytest.mark.parametrize(
    "content, code, words",
    [
        ("plan = [unclosed", "config_invalid", "not valid TOML"),
        (b'lang = "\xff"\n', "config_invalid", "not valid TOML"),
        ('colour = "red"\n', "config_key", "unknown key colour (allowed: plan, plans, lang, sheet)"),
        ('lang = "fr"\n', "config_value", "lang = 'fr' is not allowed (vi or en)"),
        ("sheet = 3\n", "config_value", "sheet = 3 is not allowed (a worksheet name)"),
        ('plan = "  "\n', "config_value", "plan = '  ' is not allowed (a directory (a plan pack))"),
        ("[plan]\ndir = 'x'\n", "config_value", "plan = {'dir': 'x'} is not allowed"),
    ],
)
def test_a_bad_cds_toml_names_the_file_the_key_and_what_is_allowed(tmp_path, content, code, words):
    error = _config_error(tmp_path, content)
    assert error.code == code
    message = error.message("en")
    assert message.startswith(f"{tmp_path / 'cds.toml'}: ") and words in message


def test_a_bad_cds_toml_stops_resolve_too(tmp_path):
    (tmp_path / "cds.toml").write_text('lang = "fr"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    with pytest.raises(UsageError) as caught:
        resolve(lang="en", cwd=tmp_path / "sub", environ={})  # even when the option would win
    assert caught.value.code == "config_value"
    assert caught.value.message("en") == f"{tmp_path / 'cds.toml'}: lang = 'fr' is not allowed (vi or en)"


def test_what_is_allowed_is_worded_in_vietnamese_too(tmp_path):
    message = _config_error(tmp_path, "sheet = 3\n").message("vi")
    assert message.startswith(f"{tmp_path / 'cds.toml'}: sheet = 3 không hợp lệ (")
    assert "a worksheet name" not in message


@pytest.mark.parametrize("how", ["option", "env", "toml"])
def test_bundled_names_the_pack_shipped_with_cds(tree, how):
    """A data repository can pin the bundled pack by name, wherever a directory is accepted."""
    if how == "toml":
        (tree / "cds.toml").write_text('plan = "bundled"\n', encoding="utf-8")
    settings = resolve(
        plan="bundled" if how == "option" else None,
        cwd=tree / "work",
        environ={"CDS_PLAN": "bundled"} if how == "env" else {},
    )
    assert settings.plan is None  # the bundled pack


def test_bundled_on_the_command_line(tmp_path, monkeypatch):
    from conftest import cds

    monkeypatch.chdir(tmp_path)  # no folder named bundled here
    result = cds("indicators", "--plan", "bundled", "--format", "json")
    assert result.exit_code == 0 and '"gov.online_services_multichannel"' in result.stdout
    check = cds("plan", "check", "bundled", "--lang", "en")
    assert check.exit_code == 0, check.output
