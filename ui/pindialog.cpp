// SPDX-License-Identifier: MIT
#include "pindialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace outpost::ui {

PinDialog::PinDialog(Verifier verify, const QString &prompt, QWidget *parent)
    : QDialog(parent), m_verify(std::move(verify)), m_edit(new QLineEdit(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Administrator PIN"));
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    m_edit->setObjectName(QStringLiteral("pinEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setAccessibleName(tr("Administrator PIN"));
    m_edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), m_edit));
    m_edit->setAlignment(Qt::AlignCenter);
    m_message->setObjectName(QStringLiteral("pinMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setAccessibleName(tr("PIN message"));
    m_message->hide();

    auto *pad = new QGridLayout;
    const auto addKey = [this, pad](const QString &text, int r, int c, const std::function<void()> &fn) {
        auto *b = new QPushButton(text, this);
        b->setMinimumSize(64, 52);
        b->setFocusPolicy(Qt::NoFocus); // the line edit keeps the keyboard focus
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, fn);
        pad->addWidget(b, r, c);
        return b;
    };
    for (int d = 1; d <= 9; ++d) {
        const QString digit = QString::number(d);
        addKey(digit, (d - 1) / 3, (d - 1) % 3, [this, digit] { m_edit->insert(digit); });
    }
    addKey(QStringLiteral("0"), 3, 1, [this] { m_edit->insert(QStringLiteral("0")); });
    addKey(QStringLiteral("⌫"), 3, 0, [this] { m_edit->backspace(); })->setAccessibleName(tr("Delete last digit"));
    addKey(QStringLiteral("✓"), 3, 2, [this] { submit(); })->setAccessibleName(tr("Confirm PIN"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *lay = new QVBoxLayout(this);
    lay->addWidget(label);
    lay->addWidget(m_edit);
    lay->addWidget(m_message);
    lay->addLayout(pad);
    lay->addWidget(buttons);
    m_edit->setFocus();
}

QString PinDialog::messageText() const { return m_message->isHidden() ? QString() : m_message->text(); }

void PinDialog::submit()
{
    if (m_verify && m_verify(m_edit->text())) {
        m_edit->clear();
        accept();
        return;
    }
    ++m_failed;
    m_edit->clear();
    m_message->setText(tr("Wrong PIN. Try again."));
    m_message->show();
    m_edit->setFocus();
    Q_EMIT pinRejected();
}

} // namespace outpost::ui
