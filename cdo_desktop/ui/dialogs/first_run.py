"""The first-run page: sign in to the data bureau, try the demo, or work offline — one line on each."""

from __future__ import annotations

from typing import Any

from cdo_desktop.ui.qt import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

SIGN_IN, DEMO, OFFLINE = "signin", "demo", "offline"
PADDING = 8 + 2  # the style sheet's padding and focus border around a choice (style.py), each side


class ChoiceButton(QCommandLinkButton):
    """A command link whose height allows for the style sheet's padding: Qt measures the wrapped description over
    the button's full width, so with padding the last line was cut (seen at 200 % scale, where text runs wider)."""

    def heightForWidth(self, width: int) -> int:
        from cdo_desktop.ui.qt import QFont, QFontMetrics, QRect, Qt

        title = QFont(self.font())
        title.setBold(True)
        # the text column: less the padding, Qt's margins (7 left, 4 right) and the arrow with its gap
        column = max(width - 2 * PADDING - 7 - 4 - self.iconSize().width() - 10, 80)
        words = QFontMetrics(self.font()).boundingRect(QRect(0, 0, column, 100000), Qt.TextFlag.TextWordWrap,
                                                       self.description())
        own = QFontMetrics(title).height() + words.height() + 2 * PADDING + 4  # padding, border and a little air
        return max(int(super().heightForWidth(width)), own)

    def minimumSizeHint(self) -> Any:
        hint = super().minimumSizeHint()
        hint.setHeight(max(hint.height(), self.heightForWidth(max(self.width(), hint.width()))))
        return hint


class FirstRunDialog(QDialog):
    """Shown while this desktop is neither signed in to a bureau nor told to work offline; ``choice`` says what
    the user picked (closing the page counts as working offline, which can be changed from the File menu)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = OFFLINE
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Welcome to CDO Desktop"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = QLabel(self.tr("CDO Desktop — data sharing governance"))
        title.setObjectName("heading")
        font = title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(self.tr("How do you want to start? You can sign in, sign out or switch account later from "
                               "the File menu."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.buttons: dict[str, ChoiceButton] = {}
        for choice, text, line in (
            (SIGN_IN, self.tr("Sign in to the data bureau"),
             self.tr("With the account the bureau gave your department: your tasks, requests and cases, kept in "
                     "step with the bureau.")),
            (DEMO, self.tr("Try the demo"),
             self.tr("A complete Foshan network on this computer: act as two departments, an arbitrator and the "
                     "administrator. Nothing is sent anywhere.")),
            (OFFLINE, self.tr("Work offline"),
             self.tr("Keep records on this computer only, without a bureau account; sign in later from the File "
                     "menu.")),
        ):
            button = ChoiceButton(text, line)
            button.setObjectName(f"start:{choice}")
            button.setAccessibleName(text)
            button.setAccessibleDescription(line)
            button.clicked.connect(lambda _checked=False, c=choice: self.choose(c))
            layout.addWidget(button)
            self.buttons[choice] = button
        self.buttons[SIGN_IN].setDefault(True)
        self.buttons[SIGN_IN].setFocus()

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        from cdo_desktop.ui.accessibility import name_widgets

        name_widgets(self)  # screen readers: every interactive widget has a name
