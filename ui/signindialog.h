// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace outpost::ui {

/// Sign-in: server URL, user, password, "remember server". Checks the input, then emits
/// signInRequested(); whoever signs in answers with showError() or accept(). The server (when
/// remembered) and the last user are kept in QSettings under "signin/"; the password never is.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    QString server() const;
    QString user() const;
    void setServer(const QString &url);
    void setUser(const QString &user);
    /// Shows an error (and clears the password when `clearPassword`), leaves the busy state.
    void showError(const QString &message, bool clearPassword = true);
    /// Shows an informational line (e.g. "Signed in offline").
    void showInfo(const QString &message);
    /// While true the inputs are locked and a "Signing in…" line is shown.
    void setBusy(bool busy);
    QString messageText() const;
    /// Offers "Recover unsent work" under the message (a damaged store that still holds unsent
    /// changes), or takes the offer back. Pressed: recoverRequested(); showError()/showInfo() and a
    /// new sign-in take it back.
    void offerRecovery(bool offer);
    QPushButton *recoverButton() const { return m_recover; }
    /// Kiosk: the server is the administrator's (set in the settings, behind the PIN): shown
    /// read-only, "Remember server" hidden, and nothing about the server is written.
    void setServerLocked(bool locked);
    bool isServerLocked() const { return m_serverLocked; }
    /// Whether "locked" (kiosk idle lock): the dialog cannot be cancelled.
    void setCancelAllowed(bool allowed);
    /// Refused (Esc, close) while cancelling is not allowed.
    void reject() override;

Q_SIGNALS:
    void signInRequested(const QString &server, const QString &user, const QString &password);
    /// "Recover unsent work" was pressed for the store of server() and user().
    void recoverRequested();

private:
    void submit();
    void remember();
    void focusFirstEmpty();
    void growToFitMessage();

    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    QPushButton *m_recover;
    bool m_cancelAllowed = true;
    bool m_serverLocked = false;
};

/// Checks a server URL as typed; returns the normalized URL or an empty string and `why`.
QString normalizeServerUrl(const QString &text, QString *why);

} // namespace outpost::ui
