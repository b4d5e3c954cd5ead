"""Issue 11/13: in the grounds-based accountability dialog, choosing the ground fills the department held to account
and the facts of the violation from the ground's record (and never overwrites what the user wrote)."""

from __future__ import annotations

from typing import Any

from cdo_desktop.ui.qt import Qt


def test_choosing_the_ground_fills_department_and_facts(window: Any, qtbot: Any) -> None:
    from cdo_desktop.ui.dialogs.accountability_dialog import AccountabilityDialog

    window.select_role("admin")
    dialog = AccountabilityDialog(window.state, window)
    qtbot.addWidget(dialog)
    ground, dept = dialog.fields["ground"][1], dialog.fields["department_id"][1]
    violation = dialog.fields["violation"][1]
    # the ground comes first in the form (and so in the focus order): it decides the rest
    assert dialog.form.indexOf(ground) < dialog.form.indexOf(dept)
    kinds = {ground.itemData(i)[0]: i for i in range(ground.count() - 1, 0, -1)}
    assert {"order_overdue", "misuse_finding"} <= set(kinds), kinds
    ground.setCurrentIndex(kinds["order_overdue"])
    chosen = dialog.grounds[(ground.currentData()[0], ground.currentData()[1])]
    assert dept.currentData() == str(chosen["department_id"])
    number = ground.currentText().split("：", 1)[1].split(" ", 1)[0]
    assert number in violation.toPlainText() and "履行" in violation.toPlainText()
    ground.setCurrentIndex(kinds["misuse_finding"])  # another ground: the filled facts follow it
    chosen = dialog.grounds[(ground.currentData()[0], ground.currentData()[1])]
    assert dept.currentData() == str(chosen["department_id"])
    assert violation.toPlainText() == chosen["facts"] and "查实" in chosen["facts"]
    violation.setPlainText("written by the user")  # what the user wrote stays
    ground.setCurrentIndex(kinds["order_overdue"])
    assert violation.toPlainText() == "written by the user"
    dialog.reject()


def test_the_ground_is_chosen_by_keyboard(window: Any, qtbot: Any) -> None:
    from cdo_desktop.ui.dialogs.accountability_dialog import AccountabilityDialog

    window.select_role("admin")
    dialog = AccountabilityDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ground, dept = dialog.fields["ground"][1], dialog.fields["department_id"][1]
    ground.setFocus()
    qtbot.keyClick(ground, Qt.Key.Key_Down)
    assert dept.currentIndex() > 0 and dialog.fields["violation"][1].toPlainText()
    dialog.reject()
