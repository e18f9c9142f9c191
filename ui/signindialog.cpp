// SPDX-License-Identifier: MIT
#include "signindialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::SignInDialog)
};
} // namespace

QString normalizeServerUrl(const QString &text, QString *why)
{
    QString t = text.trimmed();
    if (t.isEmpty()) {
        *why = Tr::tr("Enter the server address, for example https://outpost.example.com.");
        return {};
    }
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("https://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        *why = Tr::tr("'%1' is not a server address. Use a form like https://outpost.example.com.")
                   .arg(text.trimmed());
        return {};
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url.toString();
}

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember server"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_recover(new QPushButton(tr("Recover unsent work"), this))
{
    setWindowTitle(tr("Sign in to Outpost"));
    setObjectName(QStringLiteral("signInDialog"));
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/outpost.svg")).pixmap(48, 48));
    auto *title = new QLabel(tr("<b>Outpost</b><br>Sign in with your work account."), this);

    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(QStringLiteral("https://outpost.example.com"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setAccessibleName(tr("User name"));
    m_user->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_remember->setObjectName(QStringLiteral("rememberServer"));
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Sign-in message"));
    m_message->hide();
    m_recover->setObjectName(QStringLiteral("recoverButton"));
    m_recover->setToolTip(
        tr("Copies the unsent changes that can still be read into a fresh store on this device "
           "and keeps the damaged file for support; they are sent once you are signed in."));
    m_recover->hide();
    connect(m_recover, &QPushButton::clicked, this, [this] {
        m_recover->setEnabled(false);
        showInfo(tr("Recovering unsent work…"));
        Q_EMIT recoverRequested();
    });

    m_signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *head = new QHBoxLayout;
    head->addWidget(logo);
    head->addWidget(title, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *lay = new QVBoxLayout(this);
    lay->addLayout(head);
    lay->addLayout(form);
    lay->addWidget(m_message);
    lay->addWidget(m_recover, 0, Qt::AlignLeft);
    lay->addWidget(m_buttons);
    setMinimumWidth(420);

    QSettings s;
    m_remember->setChecked(s.value(QStringLiteral("signin/rememberServer"), true).toBool());
    if (m_remember->isChecked())
        m_server->setText(s.value(QStringLiteral("signin/server")).toString());
    m_user->setText(s.value(QStringLiteral("signin/lastUser")).toString());
    focusFirstEmpty();
}

QString SignInDialog::server() const
{
    QString why;
    return normalizeServerUrl(m_server->text(), &why);
}

QString SignInDialog::user() const
{
    return m_user->text().trimmed();
}

void SignInDialog::setServer(const QString &url)
{
    m_server->setText(url);
    if (!isVisible())
        focusFirstEmpty();
}

void SignInDialog::setServerLocked(bool locked)
{
    m_serverLocked = locked;
    m_server->setReadOnly(locked);
    m_server->setFocusPolicy(locked ? Qt::NoFocus : Qt::StrongFocus);
    m_server->setToolTip(locked ? tr("Set by the administrator in the settings") : QString());
    m_remember->setVisible(!locked);
    if (!isVisible())
        focusFirstEmpty();
}

void SignInDialog::setUser(const QString &user)
{
    m_user->setText(user);
    if (!isVisible())
        focusFirstEmpty();
}

void SignInDialog::growToFitMessage()
{
    // A wrapped message needs more height at the same width; a top-level window does not grow
    // for a label's height-for-width by itself, and the message would be cut off.
    if (!isVisible() || isFullScreen() || isMaximized() || !layout())
        return;
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void SignInDialog::showError(const QString &message, bool clearPassword)
{
    setBusy(false);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setText(message);
    m_message->show();
    growToFitMessage();
    if (clearPassword)
        m_password->clear();
    m_password->setFocus();
}

void SignInDialog::showInfo(const QString &message)
{
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->show();
    growToFitMessage();
}

void SignInDialog::setBusy(bool busy)
{
    for (QWidget *w : { static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_user),
             static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_remember) })
        w->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    if (busy) {
        m_recover->hide();
        showInfo(tr("Signing in…"));
    }
}

void SignInDialog::offerRecovery(bool offer)
{
    m_recover->setVisible(offer);
    m_recover->setEnabled(offer);
    if (offer)
        m_recover->setFocus();
    growToFitMessage();
}

QString SignInDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SignInDialog::reject()
{
    if (m_cancelAllowed)
        QDialog::reject();
}

void SignInDialog::setCancelAllowed(bool allowed)
{
    m_cancelAllowed = allowed;
    // Removed, not hidden: the button box shows its buttons again when the dialog is shown.
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    if (allowed && !cancel)
        m_buttons->addButton(QDialogButtonBox::Cancel);
    else if (!allowed && cancel)
        delete cancel;
}

void SignInDialog::submit()
{
    QString why;
    const QString url = normalizeServerUrl(m_server->text(), &why);
    if (url.isEmpty()) {
        showError(why, false);
        m_server->setFocus();
        return;
    }
    if (user().isEmpty()) {
        showError(tr("Enter your user name."), false);
        m_user->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Enter your password."), false);
        return;
    }
    remember();
    setBusy(true);
    Q_EMIT signInRequested(url, user(), m_password->text());
}

void SignInDialog::focusFirstEmpty()
{
    // A tap on the keyboard goes where the technician has to type next.
    if (m_server->text().isEmpty() && !m_serverLocked)
        m_server->setFocus();
    else if (m_user->text().isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

void SignInDialog::remember()
{
    QSettings s;
    if (m_serverLocked) { // the administrator's: never changed from here
        s.setValue(QStringLiteral("signin/lastUser"), user());
        return;
    }
    s.setValue(QStringLiteral("signin/rememberServer"), m_remember->isChecked());
    if (m_remember->isChecked())
        s.setValue(QStringLiteral("signin/server"), server());
    else
        s.remove(QStringLiteral("signin/server"));
    s.setValue(QStringLiteral("signin/lastUser"), user());
}

} // namespace outpost::ui
