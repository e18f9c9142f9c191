// SPDX-License-Identifier: MIT
#include "pindialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

namespace outpost::ui {

PinDialog::PinDialog(QSettings &settings, const QString &what, const QString &prompt, QWidget *parent)
    : QDialog(parent)
    , m_guard(settings)
    , m_what(what)
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Administrator PIN"));
    auto *label = new QLabel(m_guard.hasPin()
            ? prompt
            : tr("No administrator PIN is set on this device, so this needs the administrator."),
        this);
    label->setObjectName(QStringLiteral("pinPrompt"));
    label->setWordWrap(true);
    m_edit->setObjectName(QStringLiteral("pinEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setAccessibleName(tr("Administrator PIN"));
    m_edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), m_edit));
    m_edit->setAlignment(Qt::AlignCenter);
    m_message->setObjectName(QStringLiteral("pinMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setAccessibleName(tr("PIN message"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *pad = new QGridLayout;
    const auto addKey = [this, pad](const QString &text, int r, int c, const std::function<void()> &fn) {
        auto *b = new QPushButton(text, this);
        b->setMinimumSize(64, 52);
        b->setFocusPolicy(Qt::NoFocus); // the line edit keeps the keyboard focus
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, fn);
        pad->addWidget(b, r, c);
        m_keys << b;
        return b;
    };
    for (int d = 1; d <= 9; ++d) {
        const QString digit = QString::number(d);
        addKey(digit, (d - 1) / 3, (d - 1) % 3, [this, digit] { m_edit->insert(digit); });
    }
    addKey(QStringLiteral("0"), 3, 1, [this] { m_edit->insert(QStringLiteral("0")); });
    addKey(QStringLiteral("⌫"), 3, 0, [this] {
        m_edit->backspace();
    })->setAccessibleName(tr("Delete last digit"));
    addKey(QStringLiteral("✓"), 3, 2, [this] { submit(); })->setAccessibleName(tr("Confirm PIN"));

    // Enter always means OK, also while OK is off during a wait (never Cancel in its place).
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PinDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &PinDialog::updateWait);

    auto *lay = new QVBoxLayout(this);
    lay->addWidget(label);
    lay->addWidget(m_edit);
    lay->addWidget(m_message);
    lay->addLayout(pad);
    lay->addWidget(m_buttons);
    m_edit->setFocus();
    updateWait(); // opened while the last wrong PINs still make it wait
}

QString PinDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void PinDialog::submit()
{
    if (m_wait > 0)
        return;
    const PinGuard::Check c = m_guard.check(m_edit->text(), m_what);
    m_edit->clear();
    if (c.outcome == PinGuard::Check::Accepted) {
        accept();
        return;
    }
    if (c.outcome == PinGuard::Check::Wrong) {
        ++m_failed;
        m_wrong = true;
        Q_EMIT pinRejected(c.failures, c.waitSeconds);
    }
    updateWait();
    m_edit->setFocus();
}

void PinDialog::updateWait()
{
    m_wait = m_guard.secondsToWait();
    const bool waiting = m_wait > 0;
    m_edit->setEnabled(!waiting);
    for (QWidget *key : std::as_const(m_keys))
        key->setEnabled(!waiting);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!waiting);
    if (waiting) {
        m_message->setText(m_wrong ? tr("Wrong PIN. Try again in %n s.", nullptr, m_wait)
                                   : tr("Too many wrong PINs. Try again in %n s.", nullptr, m_wait));
        m_message->show();
        if (!m_tick->isActive())
            m_tick->start();
        return;
    }
    m_tick->stop();
    if (m_wrong) {
        m_message->setText(tr("Wrong PIN. Try again."));
        m_message->show();
        m_edit->setFocus();
    }
}

} // namespace outpost::ui
