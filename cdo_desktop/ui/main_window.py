"""The main window: navigation list on the left, the pages, the status bar with sync state and role switcher.

Paint first, then load: ``MainWindow(None, settings)`` is the shell (navigation, a "loading" pane, the status bar)
and needs nothing but Qt; `MainWindow.attach` builds the pages once the database is open. The shell's navigation
titles are the pages' own ``title()`` strings, looked up in the pages' translation contexts without importing the
pages (tests/ui/test_startup.py checks that they match).
"""

from __future__ import annotations

import uuid
from typing import Any

from cdo_desktop.ui.qt import (
    QCloseEvent,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QShortcut,
    QStackedWidget,
    Qt,
    QWidget,
)
from cdo_desktop.ui.settings import Settings

# the navigation of the shell: (key, translation context, the page's title) in page order, as page_classes() lists
NAVIGATION = (
    ("dashboard", "DashboardPage", "My tasks"),
    ("catalogue", "CataloguePage", "Data catalogue"),
    ("open_catalogue", "OpenCataloguePage", "Open catalogue"),
    ("requests", "RequestsPage", "Sharing requests"),
    ("objections", "ObjectionsPage", "Quality objections"),
    ("disputes", "DisputesPage", "Disputes and docket"),
    ("misuse", "MisusePage", "Misuse reports"),
    ("rulings", "RulingsPage", "Rulings and accountability"),
    ("directory", "DirectoryPage", "Directory"),
    ("assets", "AssetsPage", "Data assets"),
    ("platforms", "PlatformsPage", "Platforms and systems"),
    ("scorecard", "ScorecardPage", "Scorecard"),
    ("admin", "AdminPage", "Administration"),
    ("settings", "SettingsPage", "Settings"),
)


# where each page lives: it is imported and built the first time it is shown (or asked for), not at start
PAGE_MODULES = {
    "dashboard": ("dashboard", "DashboardPage"),
    "catalogue": ("catalogue", "CataloguePage"),
    "open_catalogue": ("open_catalogue", "OpenCataloguePage"),
    "requests": ("requests", "RequestsPage"),
    "objections": ("objections", "ObjectionsPage"),
    "disputes": ("disputes", "DisputesPage"),
    "misuse": ("misuse", "MisusePage"),
    "rulings": ("rulings", "RulingsPage"),
    "directory": ("directory", "DirectoryPage"),
    "assets": ("assets", "AssetsPage"),
    "platforms": ("platforms", "PlatformsPage"),
    "scorecard": ("scorecard", "ScorecardPage"),
    "admin": ("admin", "AdminPage"),
    "settings": ("settings_page", "SettingsPage"),
}


def page_class(key: str) -> type:
    import importlib

    module, name = PAGE_MODULES[key]
    cls: type = getattr(importlib.import_module(f"cdo_desktop.ui.pages.{module}"), name)
    return cls


def page_classes() -> list[tuple[str, type]]:
    return [(key, page_class(key)) for key, _, _ in NAVIGATION]


class Pages(dict[str, Any]):
    """The window's pages by key, each built the first time it is asked for; iterating builds them all."""

    def __init__(self, build: Any) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> Any:
        if key not in PAGE_MODULES:
            raise KeyError(key)
        page = self[key] = self._build(key)
        return page

    def built(self, key: str) -> bool:
        return dict.__contains__(self, key)

    def items(self) -> Any:  # type: ignore[override]
        return [(key, self[key]) for key, _, _ in NAVIGATION]

    def values(self) -> Any:  # type: ignore[override]
        return [self[key] for key, _, _ in NAVIGATION]


BUREAU_ONLY = {"admin"}


class MainWindow(QMainWindow):
    def __init__(self, state: Any, settings: Settings, *, roles: list[Any] | None = None) -> None:
        super().__init__()
        self.state = state
        self.settings = settings
        self.roles = roles or []
        self.sync_indicator: Any = None
        self.setWindowTitle(self.tr("CDO Desktop — data sharing governance"))
        from cdo_desktop.ui.icon import app_icon

        self.setWindowIcon(app_icon())
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Pages"))
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the database…"))
        self.loading.setObjectName("loading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.pages: dict[str, Any] = {}  # the shell has none; `attach` gives a `Pages` that builds them lazily
        for key, context, title in NAVIGATION:
            item = QListWidgetItem(QCoreApplication.translate(context, title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        self.nav.setFixedWidth(widest + 60)  # the style sheet's item padding and margins on both sides
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(2)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 4, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._nav_changed)
        for number in range(1, 10):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda n=number: self.nav.setCurrentRow(n - 1))
        self.who = QLabel(self.tr("Opening the database…"))
        self.who.setObjectName("signedIn")
        self.statusBar().addWidget(self.who, 1)
        geometry = settings.get("ui/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        if state is not None:
            self.attach(state, roles=self.roles)

    def attach(self, state: Any, *, roles: list[Any] | None = None) -> None:
        """Work over ``state`` (the database is open): show the remembered page, built now; the other pages are
        built the first time they are shown."""
        self.state = state
        self.roles = roles if roles is not None else self.roles
        self.pages = Pages(self._build_page)
        self._build_status_bar()
        from cdo_desktop.ui.session import SessionControl

        self.session = SessionControl(state, self.settings, self)
        self._build_menu()
        state.sign_in_wanted.connect(self.session.sign_in)
        state.open_record.connect(self.open_record)
        from cdo_desktop.ui.reminders import DeadlineReminders

        self.reminders = DeadlineReminders(state, self.settings, self)
        state.actor_changed.connect(self._actor_changed)
        self._actor_changed()
        self.show_page(self.current_page_key() or self.settings.get("ui/last_page") or "dashboard")
        self._nav_changed(self.nav.currentRow())  # the row may have been chosen in the shell already
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()

    def _build_page(self, key: str) -> Any:
        from cdo_desktop.ui.accessibility import name_widgets

        page = page_class(key)(self.state)
        page.setObjectName(f"page:{key}")
        self.stack.addWidget(page)
        name_widgets(page)  # pages are built lazily, after the window's own walk: screen readers need names too
        return page

    def _build_status_bar(self) -> None:
        from cdo_desktop.ui.sync_status import SyncIndicator

        bar = self.statusBar()
        self.role_switch = QComboBox()
        self.role_switch.setObjectName("roleSwitch")
        self.role_switch.setToolTip(self.tr("Demo: act as another person"))
        titles = {"a": self.tr("Commissioner A"), "b": self.tr("Commissioner B"),
                  "arbitrator": self.tr("Arbitrator"), "admin": self.tr("Administrator")}
        for role in self.roles:
            self.role_switch.addItem(f"{titles.get(role.key, role.key)}: {role.name} ({role.department})",
                                     str(role.commissioner_id))
        self.role_switch.setVisible(bool(self.roles))
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, activated=self.role_switch.setFocus)  # keyboard: change role
        self.role_switch.currentIndexChanged.connect(self._switch_role)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.role_switch)
        self.sync_indicator = SyncIndicator(self.state)
        row.addWidget(self.sync_indicator)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setShortcut(QKeySequence("F5"))
        self.sync_button.clicked.connect(self.sync_indicator.sync_now)
        row.addWidget(self.sync_button)
        bar.addPermanentWidget(holder)

    def _build_menu(self) -> None:
        """File: sign in, switch account, sign out (at any time; the demo's roles use the role switcher), quit."""
        from cdo_desktop.ui.qt import QAction

        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.setObjectName("fileMenu")
        self.sign_in_action = QAction(self.tr("Sign in to the bureau…"), self)
        self.sign_in_action.setObjectName("signInAction")
        self.sign_in_action.triggered.connect(self.session.sign_in)
        self.switch_action = QAction(self.tr("Switch account…"), self)
        self.switch_action.setObjectName("switchAccountAction")
        self.switch_action.triggered.connect(self.session.switch_account)
        self.sign_out_action = QAction(self.tr("Sign out"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self.session.sign_out)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.sign_in_action, self.switch_action, self.sign_out_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)

    def _update_menu(self) -> None:
        demo = bool(self.state.replicas)
        signed = self.session.signed_in()
        self.sign_in_action.setEnabled(not demo and not signed)
        self.switch_action.setEnabled(not demo)
        self.sign_out_action.setEnabled(not demo and signed)
        hint = self.tr("The demo's people are switched in the status bar") if demo else ""
        for action in (self.sign_in_action, self.switch_action, self.sign_out_action):
            action.setToolTip(hint)

    def _switch_role(self, index: int) -> None:
        """The demo's role switch: each role is its own PC, so this desktop sends its changes and the next one
        fetches the bureau's news first — the story moves without pressing Sync now."""
        value = self.role_switch.itemData(index)
        if not value or (self.state.actor is not None and str(self.state.actor.id) == value):
            return
        from cdo_desktop.ui.dialogs.busy import run_with_progress
        from cdo_desktop.ui.worker import wait_all

        if self.sync_indicator.op is not None:
            wait_all()
        leaving = self.state.sync_client
        if leaving is not None and self.state.replicas:
            run_with_progress(self, self.tr("Sending this desktop's changes to the bureau…"),
                              lambda p: leaving.sync())
        self.state.sign_in_as(uuid.UUID(value))
        self.settings.set("session/actor_id", value)
        arriving = self.state.sync_client
        if arriving is not None and self.state.replicas:
            name = self.role_switch.itemText(index)
            if run_with_progress(self, self.tr("Bringing %s's desktop up to date…") % name,
                                 lambda p: arriving.sync()) is not None:
                self.sync_indicator.synced()
            self.state.changed.emit({"*"})

    def open_record(self, entity: str, number: str) -> None:
        """Show the record ``number`` of ``entity`` on its page (a to-do item or a number link was clicked)."""
        key, tab = {"request": ("requests", None), "dispute": ("disputes", None),
                    "objection": ("objections", None), "ruling": ("rulings", 0), "order": ("rulings", 1),
                    "accountability": ("rulings", 2), "resource": ("catalogue", None)}.get(entity, ("", None))
        if not key:
            return
        self.show_page(key)
        page = self.pages[key]
        if tab is not None:
            page.tabs.setCurrentIndex(tab)
            page = page.tabs.widget(tab)
        page.open_number(number)

    def select_role(self, key: str) -> None:
        for i, role in enumerate(self.roles):
            if role.key == key:
                self.role_switch.setCurrentIndex(i)
                self._switch_role(i)

    def _actor_changed(self) -> None:
        actor = self.state.actor
        if actor is None:
            self.who.setText(self.tr("Not signed in"))
        else:
            from cdo_desktop.ui.i18n import label

            with self.state.read() as session:
                from cdo_desktop.store import models as m

                dept = session.get(m.Department, actor.department_id)
            self.who.setText(self.tr("Signed in: %s, %s, %s") % (actor.name, label(actor.role), dept.name if dept else ""))
            index = self.role_switch.findData(str(actor.id))
            if index >= 0 and index != self.role_switch.currentIndex():
                self.role_switch.blockSignals(True)
                self.role_switch.setCurrentIndex(index)
                self.role_switch.blockSignals(False)
        for i in range(self.nav.count()):
            key = self.nav.item(i).data(Qt.ItemDataRole.UserRole)
            hidden = key in BUREAU_ONLY and not (actor and actor.role.value == "admin")
            self.nav.item(i).setHidden(hidden)
        self._update_menu()
        current = self.current_page_key()
        if current in BUREAU_ONLY and not (actor and actor.role.value == "admin"):
            self.show_page("dashboard")

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        if not isinstance(self.pages, Pages):  # the shell: the database is still opening
            return
        self.stack.setCurrentWidget(self.pages[key])
        self.settings.set("ui/last_page", key)

    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def show_page(self, key: str) -> None:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.ItemDataRole.UserRole) == key and not self.nav.item(i).isHidden():
                self.nav.setCurrentRow(i)
                return
        self.nav.setCurrentRow(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("ui/geometry", self.saveGeometry())
        self.settings.sync()
        if self.sync_indicator is not None:
            self.sync_indicator.stop()
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_named", False):  # after the first paint: naming ~1,000 widgets must not delay it
            self._named = True
            from cdo_desktop.ui.qt import QTimer

            QTimer.singleShot(300, self.name_widgets)

    def name_widgets(self) -> None:
        from cdo_desktop.ui.accessibility import name_widgets

        name_widgets(self)  # screen readers: every interactive widget has a name
