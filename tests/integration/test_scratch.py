from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.helpers.console_fixtures import console, make_console, seeded, sign_in  # noqa

def test_float_after_signout(qtbot, console, seeded):
    sign_in(qtbot, console, seeded)
    w = console.window
    d = w.panes["incidents"].dock
    d.setFloating(True)
    qtbot.waitUntil(lambda: d.isVisible())
    print("floating visible", d.isVisible(), d.isWindow())
    console.sign_out()
    QApplication.processEvents()
    print("after signout: window", w.isVisible(), "dock", d.isVisible(), "float", d.isFloating())
    console.lock
    # lock screen focus
    submit = __import__("tests.helpers.console_fixtures", fromlist=["x"]).submit_login
    submit(qtbot, console, "admin", seeded.passwords["admin"])
    qtbot.waitUntil(lambda: w.isVisible())
    print("after re-sign-in dock", d.isVisible(), d.isFloating())
    d.setFloating(False)
    w.activateWindow()
    console.lock()
    print("locked", w.locked, QApplication.focusWidget())
    for i in range(6):
        qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Tab)
        fw = QApplication.focusWidget()
        print("focus", fw, fw.objectName() if fw else None, fw.parent().objectName() if fw and fw.parent() else None)
