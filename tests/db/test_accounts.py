"""Curator accounts: salted slow hashes, sign-in that does not tell names apart, rules."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exhibition_app.catalog import Catalog
from exhibition_app.db.models import Revision, User
from exhibition_app.errors import NotFound
from exhibition_app.operations import accounts
from exhibition_app.operations.accounts import (
    AccountError,
    add_user,
    disable_user,
    enable_user,
    list_users,
    set_password,
    verify_user,
)

PASSWORD = "steppe-maps-1689"


def test_add_and_verify(catalog: Catalog) -> None:
    with catalog.session() as s:
        user = add_user(s, " aigerim ", PASSWORD)
        assert user.name == "aigerim" and user.id
    with catalog.session() as s:
        found = verify_user(s, "aigerim", PASSWORD)
        assert found is not None and found.name == "aigerim"
        assert verify_user(s, "aigerim", PASSWORD + "!") is None
        assert verify_user(s, "aigerim", "") is None
        assert verify_user(s, "nobody", PASSWORD) is None
        stored = s.scalar(select(User.password_hash).where(User.name == "aigerim"))
    assert stored is not None and stored.startswith("scrypt$16384$8$1$")
    assert PASSWORD not in stored


def test_each_account_has_its_own_salt(catalog: Catalog) -> None:
    with catalog.session() as s:
        a = add_user(s, "a", PASSWORD)
        b = add_user(s, "b", PASSWORD)
        assert a.password_hash != b.password_hash


def test_unknown_names_and_disabled_accounts_cost_one_hash_too(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    with catalog.session() as s:
        add_user(s, "bolat", PASSWORD)
        add_user(s, "dana", PASSWORD)
        disable_user(s, "dana")
    calls: list[str] = []
    real = accounts.verify_secret

    def counting(secret: str, stored: str, **kw: object) -> bool:
        calls.append(stored)
        return real(secret, stored)

    monkeypatch.setattr(accounts, "verify_secret", counting)
    with catalog.session() as s:
        for name, password in [
            ("bolat", PASSWORD),
            ("bolat", "wrong password"),
            ("nobody", PASSWORD),
            ("dana", PASSWORD),
        ]:
            before = len(calls)
            verify_user(s, name, password)
            assert len(calls) == before + 1, name
    # The dummy stands in with real scrypt parameters, so it takes as long.
    assert calls[2].split("$")[:4] == calls[0].split("$")[:4]


def test_disabled_accounts_cannot_sign_in_until_enabled(catalog: Catalog) -> None:
    with catalog.session() as s:
        add_user(s, "dana", PASSWORD)
        disable_user(s, "dana")
        assert verify_user(s, "dana", PASSWORD) is None
        enable_user(s, "dana")
        assert verify_user(s, "dana", PASSWORD) is not None


def test_set_password(catalog: Catalog) -> None:
    with catalog.session() as s:
        add_user(s, "erlan", PASSWORD)
    with catalog.session() as s:
        set_password(s, "erlan", "a new long passphrase")
    with catalog.session() as s:
        assert verify_user(s, "erlan", PASSWORD) is None
        assert verify_user(s, "erlan", "a new long passphrase") is not None
    with pytest.raises(NotFound, match=r"^no user 'ghost'$"), catalog.session() as s:
        set_password(s, "ghost", "whatever-long")


@pytest.mark.parametrize("password", ["", "short", "1234567"])
def test_a_short_password_is_one_clear_error(catalog: Catalog, password: str) -> None:
    with pytest.raises(AccountError) as info, catalog.session() as s:
        add_user(s, "farida", password)
    message = str(info.value)
    assert "at least 8 characters" in message and "\n" not in message
    if password:
        assert password not in message
    with catalog.read_session() as s:
        assert list_users(s) == []


def test_names_are_unique_and_sensible(catalog: Catalog) -> None:
    with catalog.session() as s:
        add_user(s, "gulnara", PASSWORD)
        add_user(s, "Айгерім", PASSWORD)  # Cyrillic names are fine
    with pytest.raises(AccountError, match="already a user"), catalog.session() as s:
        add_user(s, "gulnara", PASSWORD)
    for bad in ["", "two words", "x" * 65, "semi;colon"]:
        with pytest.raises(AccountError, match="cannot be a user name"), catalog.session() as s:
            add_user(s, bad, PASSWORD)


def test_a_damaged_stored_hash_is_a_mismatch(catalog: Catalog) -> None:
    with catalog.session() as s:
        add_user(s, "hasan", PASSWORD).password_hash = "scrypt$garbage"
    with catalog.session() as s:
        assert verify_user(s, "hasan", PASSWORD) is None


def test_list_users(catalog: Catalog) -> None:
    with catalog.session() as s:
        add_user(s, "zarina", PASSWORD)
        add_user(s, "askar", PASSWORD)
        disable_user(s, "zarina")
    with catalog.read_session() as s:
        users = list_users(s)
    assert [(u.name, u.disabled) for u in users] == [("askar", False), ("zarina", True)]
    data = users[0].as_json()
    assert set(data) == {"id", "name", "created_at", "disabled"}
    assert str(data["created_at"]).endswith("+00:00")
    assert "password" not in str(data)


def test_history_keeps_the_name_when_the_account_is_deleted(catalog: Catalog) -> None:
    from exhibition_app.operations.items import create_item

    with catalog.session() as s:
        user = add_user(s, "ilyas", PASSWORD)
        item = create_item(s, {"kind": "object", "texts": {"title": {"en": "Felt"}}}, user)
        item_id = item.id
    with catalog.session() as s:
        s.delete(s.scalar(select(User).where(User.name == "ilyas")))
    with catalog.read_session() as s:
        rev = s.scalar(select(Revision).where(Revision.entity_id == item_id))
        assert rev is not None and rev.user_id is None and rev.user_name == "ilyas"
