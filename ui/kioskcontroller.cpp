// SPDX-License-Identifier: MIT
#include "kioskcontroller.h"

#include "pindialog.h"
#include "uilogging.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLibraryInfo>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QWidget>

namespace outpost::ui {

namespace {
constexpr int kDefaultIdleMinutes = 10;

bool isInputEvent(QEvent::Type t)
{
    switch (t) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        return true;
    default:
        return false;
    }
}
} // namespace

KioskController::KioskController(QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_idle(new QTimer(this))
{
    m_idle->setSingleShot(true);
    const int minutes
        = qMax(1, m_settings.value(QStringLiteral("kiosk/idleMinutes"), kDefaultIdleMinutes).toInt());
    m_idle->setInterval(std::chrono::minutes(minutes));
    connect(m_idle, &QTimer::timeout, this, &KioskController::lock);
    qApp->installEventFilter(this);
}

KioskController::~KioskController()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

void KioskController::attach(QWidget *window)
{
    m_window = window;
    window->setWindowFlags(window->windowFlags() | Qt::FramelessWindowHint);
    window->setWindowFlag(Qt::WindowCloseButtonHint, false);
    window->installEventFilter(this);
    if (QScreen *screen = window->screen())
        window->setGeometry(screen->geometry()); // also without a window manager (cage, Xvfb)
    window->showFullScreen();
    m_idle->start();
    qCInfo(lcUi) << "kiosk mode on, idle lock after" << m_idle->interval() << "ms";
}

QString KioskController::touchStyleSheet()
{
    // Touch targets of at least 44 px, larger text, roomy list rows.
    return QStringLiteral(
        "QPushButton, QToolButton, QComboBox, QLineEdit, QDateEdit, QDateTimeEdit, QSpinBox,"
        " QDoubleSpinBox { min-height: 44px; }"
        " QPushButton { min-width: 88px; padding: 0 14px; }"
        " QToolButton { min-width: 44px; padding: 0 8px; }"
        // Not a line edit's clear button: sized and placed by its line edit (it was pushed past the
        // right edge and clipped).
        " QLineEdit > QToolButton { min-width: 0px; min-height: 0px; padding: 0px; }"
        " QCheckBox, QRadioButton { min-height: 44px; }"
        " QCheckBox::indicator, QRadioButton::indicator { width: 28px; height: 28px; }"
        " QTabBar::tab { min-height: 44px; min-width: 120px; padding: 0 12px; }"
        " QTableView::item, QListView::item { min-height: 44px; padding: 6px; }"
        " QHeaderView::section { min-height: 36px; }"
        " QScrollBar:vertical { width: 28px; } QScrollBar:horizontal { height: 28px; }");
}

void KioskController::applyTouchStyle()
{
    QFont f = QApplication::font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 1.3);
    else
        f.setPixelSize(qRound(f.pixelSize() * 1.3));
    QApplication::setFont(f);
    qApp->setStyleSheet(qApp->styleSheet() + touchStyleSheet());
}

bool KioskController::enableVirtualKeyboardIfInstalled()
{
    if (qEnvironmentVariableIsSet("QT_IM_MODULE"))
        return false; // the session chose already
    const QDir dir(QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/platforminputcontexts"));
    const QStringList found = dir.entryList({ QStringLiteral("*qtvirtualkeyboard*") }, QDir::Files);
    if (found.isEmpty())
        return false;
    qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    return true;
}

void KioskController::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idle->setInterval(timeout);
    if (!m_locked && m_window)
        m_idle->start();
}

std::chrono::milliseconds KioskController::idleTimeout() const
{
    return m_idle->intervalAsDuration();
}

void KioskController::unlock()
{
    m_locked = false;
    m_idle->start();
    Q_EMIT unlocked();
}

void KioskController::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    qCInfo(lcUi) << "kiosk idle lock";
    Q_EMIT locked();
}

void KioskController::requestExit()
{
    requireAdmin(AdminAction::ExitKiosk, [this] {
        qCInfo(lcUi) << "kiosk exit with administrator PIN";
        m_exitAllowed = true;
        Q_EMIT exitAllowed();
        if (m_window)
            m_window->close();
    });
}

void KioskController::requireAdmin(AdminAction action, std::function<void()> proceed)
{
    if (m_pinDialog) {
        m_pinDialog->raise();
        m_pinDialog->activateWindow();
        return;
    }
    m_pinDialog = new PinDialog(m_settings, adminActionName(action), adminActionPrompt(action), m_window);
    m_pinDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_pinDialog, &PinDialog::pinRejected, this,
        [this, action](int failures, int waitSeconds) { Q_EMIT pinRejected(action, failures, waitSeconds); });
    connect(m_pinDialog, &QDialog::accepted, this, [action, proceed = std::move(proceed)] {
        qCInfo(lcUi).noquote() << "administrator PIN entered to" << adminActionName(action);
        if (proceed)
            proceed();
    });
    m_pinDialog->open();
}

AdminGate KioskController::gate()
{
    return [self = QPointer<KioskController>(this)](AdminAction action, std::function<void()> proceed) {
        if (self)
            self->requireAdmin(action, std::move(proceed));
    };
}

bool KioskController::eventFilter(QObject *watched, QEvent *event)
{
    if (isInputEvent(event->type()) && !m_locked)
        m_idle->start();
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F4 && (key->modifiers() & Qt::AltModifier))
            return true; // Alt+F4 swallowed
    }
    if (watched == m_window && event->type() == QEvent::Close && !m_exitAllowed) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace outpost::ui
