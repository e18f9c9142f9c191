// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace outpost::ui {

/// Asks for the administrator PIN with a touch-sized keypad. Accepts only when `verify` says the
/// PIN is right; a wrong PIN shows a message and clears the entry. Open it with open(), not exec().
class PinDialog : public QDialog
{
    Q_OBJECT
public:
    using Verifier = std::function<bool(const QString &pin)>;
    PinDialog(Verifier verify, const QString &prompt, QWidget *parent = nullptr);

    QLineEdit *pinEdit() const { return m_edit; }
    QString messageText() const;
    int failedAttempts() const { return m_failed; }

Q_SIGNALS:
    void pinRejected();

private:
    void submit();

    Verifier m_verify;
    QLineEdit *m_edit;
    QLabel *m_message;
    int m_failed = 0;
};

} // namespace outpost::ui
