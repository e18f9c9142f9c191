// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include "fileaccess.h"
#include "folderpickerdialog.h"
#include "pinguard.h"
#include "pinstore.h"
#include "signindialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace outpost::ui {

SettingsDialog::SettingsDialog(QSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_server(new QLineEdit(this))
    , m_interval(new QSpinBox(this))
    , m_prefetch(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_idle(new QSpinBox(this))
    , m_cameraFolder(new QLineEdit(this))
    , m_browseCamera(new QPushButton(tr("&Browse…"), this))
    , m_attachWithoutPin(new QCheckBox(this))
    , m_currentPin(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_pinRepeat(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_ownAccess(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_server->setText(settings.value(QStringLiteral("signin/server")).toString());
    m_server->setAccessibleName(tr("Server address"));
    m_interval->setRange(1, 240);
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(
        int(std::chrono::duration_cast<std::chrono::minutes>(syncInterval(settings)).count()));
    m_interval->setAccessibleName(tr("Sync interval in minutes"));
    m_prefetch->setObjectName(QStringLiteral("prefetchBudget"));
    m_prefetch->setRange(0, 1024 * 1024);
    m_prefetch->setSingleStep(256);
    m_prefetch->setSuffix(tr(" MB"));
    m_prefetch->setSpecialValueText(tr("none"));
    m_prefetch->setValue(int(prefetchBudget(settings) >> 20));
    m_prefetch->setAccessibleName(tr("Space for attachments kept on this device, in megabytes"));
    m_prefetch->setToolTip(tr("After each sync the attachments of your cases are fetched onto this device, "
                              "soonest due first, up to this size, so that they open offline"));
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(
        0, m_language->findData(settings.value(QStringLiteral("ui/language"), QStringLiteral("system")))));
    m_language->setAccessibleName(tr("Language"));

    m_cameraFolder->setObjectName(QStringLiteral("cameraFolder"));
    m_cameraFolder->setText(
        QDir::toNativeSeparators(settings.value(QStringLiteral("attachments/cameraFolder")).toString()));
    m_cameraFolder->setPlaceholderText(tr("none"));
    m_cameraFolder->setAccessibleName(tr("Camera import folder"));
    m_cameraFolder->setToolTip(tr("Where the camera's pictures arrive; with the Pictures folder the only "
                                  "folders a kiosk attaches files from"));
    m_browseCamera->setObjectName(QStringLiteral("browseCameraFolder"));
    m_browseCamera->setAccessibleName(tr("Choose the camera import folder"));
    connect(m_browseCamera, &QPushButton::clicked, this, &SettingsDialog::browseCameraFolder);
    m_attachWithoutPin->setObjectName(QStringLiteral("attachWithoutPin"));
    m_attachWithoutPin->setText(
        tr("Technicians choose files without the PIN (from the attachment folders only)"));
    m_attachWithoutPin->setChecked(settings.value(QStringLiteral("kiosk/attachWithoutPin"), false).toBool());
    m_idle->setRange(1, 240);
    m_idle->setSuffix(tr(" min"));
    m_idle->setValue(settings.value(QStringLiteral("kiosk/idleMinutes"), 10).toInt());
    m_idle->setAccessibleName(tr("Lock after idle minutes"));
    for (QLineEdit *e : { m_currentPin, m_pin, m_pinRepeat }) {
        e->setEchoMode(QLineEdit::Password);
        e->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
        e->setMaxLength(12);
    }
    m_currentPin->setObjectName(QStringLiteral("currentPin"));
    m_currentPin->setAccessibleName(tr("Current administrator PIN"));
    m_currentPin->setPlaceholderText(tr("needed to change the PIN"));
    m_pin->setObjectName(QStringLiteral("newPin"));
    m_pin->setAccessibleName(tr("New administrator PIN"));
    m_pin->setPlaceholderText(PinStore(settings).hasPin() ? tr("unchanged") : tr("not set"));
    m_pinRepeat->setObjectName(QStringLiteral("repeatPin"));
    m_pinRepeat->setAccessibleName(tr("Repeat the new PIN"));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *general = new QGroupBox(tr("General"), this);
    auto *g = new QFormLayout(general);
    g->addRow(tr("&Server:"), m_server);
    g->addRow(tr("Sync &every:"), m_interval);
    g->addRow(tr("&Language:"), m_language);
    auto *langNote = new QLabel(tr("A new language applies at the next start."), general);
    langNote->setEnabled(false);
    g->addRow(QString(), langNote);

    auto *files = new QGroupBox(tr("Attachments"), this);
    auto *f = new QFormLayout(files);
    auto *cameraRow = new QHBoxLayout;
    cameraRow->addWidget(m_cameraFolder, 1);
    cameraRow->addWidget(m_browseCamera);
    auto *cameraLabel = new QLabel(tr("&Camera import folder:"), files); // a row of two: its own label
    cameraLabel->setBuddy(m_cameraFolder);
    f->addRow(cameraLabel, cameraRow);
    f->addRow(tr("&Keep on this device:"), m_prefetch);

    auto *kiosk = new QGroupBox(tr("Kiosk mode"), this);
    auto *k = new QFormLayout(kiosk);
    k->addRow(tr("Lock after &idle:"), m_idle);
    k->addRow(QString(), m_attachWithoutPin);
    const bool hasPin = PinStore(settings).hasPin();
    if (hasPin)
        k->addRow(tr("C&urrent PIN:"), m_currentPin);
    else
        m_currentPin->hide();
    k->addRow(tr("New &PIN:"), m_pin);
    k->addRow(tr("&Repeat PIN:"), m_pinRepeat);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *lay = new QVBoxLayout(this);
    lay->addWidget(general);
    lay->addWidget(files);
    lay->addWidget(kiosk);
    lay->addWidget(m_message);
    lay->addWidget(buttons);
}

std::chrono::milliseconds SettingsDialog::syncInterval(const QSettings &settings)
{
    const int minutes = std::clamp(settings.value(QStringLiteral("sync/intervalMinutes"), 5).toInt(), 1, 240);
    return std::chrono::minutes(minutes);
}

qint64 SettingsDialog::prefetchBudget(const QSettings &settings)
{
    const qint64 mb = std::clamp<qint64>(
        settings.value(QStringLiteral("sync/prefetchMegabytes"), 1024).toLongLong(), 0, 1024 * 1024);
    return mb << 20;
}

bool SettingsDialog::save()
{
    QString server;
    if (!m_server->text().trimmed().isEmpty()) {
        QString why;
        server = normalizeServerUrl(m_server->text(), &why);
        if (server.isEmpty()) {
            showMessage(why);
            return false;
        }
    }
    const QString camera = QDir::fromNativeSeparators(m_cameraFolder->text().trimmed());
    if (!camera.isEmpty() && !QFileInfo(camera).isDir()) {
        showMessage(tr("The camera import folder %1 does not exist.").arg(m_cameraFolder->text().trimmed()));
        return false;
    }
    if (!camera.isEmpty()) {
        if (const QString why = access().whyNoAttachmentFolder(camera); !why.isEmpty()) {
            showMessage(why);
            m_cameraFolder->setFocus();
            return false;
        }
    }
    const QString pin = m_pin->text();
    if (!pin.isEmpty() || !m_pinRepeat->text().isEmpty()) {
        QString why;
        if (!PinStore::isAcceptablePin(pin, &why)) {
            showMessage(why);
            return false;
        }
        if (pin != m_pinRepeat->text()) {
            showMessage(tr("The two PINs differ."));
            return false;
        }
        PinGuard guard(m_settings);
        if (guard.hasPin()) {
            const PinGuard::Check c = guard.check(m_currentPin->text(), QStringLiteral("change the PIN"));
            m_currentPin->clear();
            if (c.outcome != PinGuard::Check::Accepted) {
                if (c.outcome == PinGuard::Check::Wrong)
                    Q_EMIT pinRejected(c.failures, c.waitSeconds);
                if (c.waitSeconds > 0)
                    showMessage(c.outcome == PinGuard::Check::Wrong
                            ? tr("The current PIN is wrong. Try again in %n s.", nullptr, c.waitSeconds)
                            : tr("Too many wrong PINs. Try again in %n s.", nullptr, c.waitSeconds));
                else
                    showMessage(tr("The current PIN is wrong; the PIN stays as it was."));
                m_currentPin->setFocus();
                return false;
            }
        }
    }
    const QString oldLanguage
        = m_settings.value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
    const QString language = m_language->currentData().toString();
    if (!server.isEmpty())
        m_settings.setValue(QStringLiteral("signin/server"), server);
    m_settings.setValue(QStringLiteral("sync/intervalMinutes"), m_interval->value());
    m_settings.setValue(QStringLiteral("sync/prefetchMegabytes"), m_prefetch->value());
    m_settings.setValue(QStringLiteral("ui/language"), language);
    m_settings.setValue(QStringLiteral("kiosk/idleMinutes"), m_idle->value());
    if (camera.isEmpty())
        m_settings.remove(QStringLiteral("attachments/cameraFolder"));
    else
        m_settings.setValue(QStringLiteral("attachments/cameraFolder"), QFileInfo(camera).absoluteFilePath());
    m_settings.setValue(QStringLiteral("kiosk/attachWithoutPin"), m_attachWithoutPin->isChecked());
    if (!pin.isEmpty())
        PinStore(m_settings).setPin(pin);
    m_currentPin->clear();
    m_pin->clear();
    m_pinRepeat->clear();
    m_settings.sync();
    m_message->hide();
    Q_EMIT settingsSaved(language != oldLanguage);
    return true;
}

QString SettingsDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SettingsDialog::browseCameraFolder()
{
    auto *picker = new FolderPickerDialog(
        access(), QDir::fromNativeSeparators(m_cameraFolder->text().trimmed()), this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QFileDialog::fileSelected, this,
        [this](const QString &dir) { m_cameraFolder->setText(QDir::toNativeSeparators(dir)); });
    picker->open();
}

void SettingsDialog::showMessage(const QString &text)
{
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->setText(text);
    m_message->show();
}

} // namespace outpost::ui
