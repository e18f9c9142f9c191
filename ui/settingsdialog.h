// SPDX-License-Identifier: MIT
#pragma once

#include "fileaccess.h"

#include <QDialog>

#include <chrono>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace outpost::ui {

/// App settings written to QSettings: server (signin/server), sync interval in minutes
/// (sync/intervalMinutes), language ("system", "en", "de", "fr"; ui/language, applied at the next
/// start), kiosk idle minutes (kiosk/idleMinutes) and the administrator PIN (kiosk/pin*, hashed).
/// Attachments: the space for attachments fetched ahead onto the device (sync/prefetchMegabytes), the camera
/// import folder (attachments/cameraFolder; with Pictures the kiosk's only attachment folders) and whether a
/// kiosk asks the PIN before choosing files (kiosk/attachWithoutPin). A new PIN needs the current one when a
/// PIN is set (checked by PinGuard: slower after 3 wrong). The camera folder's "Browse…" opens a
/// FolderPickerDialog kept to the allowed places; a typed folder is checked by the same rule
/// (FileAccess::whyNoAttachmentFolder).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QSettings &settings, QWidget *parent = nullptr);
    /// The app's FileAccess (its protected folders); without one the settings' own rules apply.
    void setFileAccess(const FileAccess *access) { m_access = access; }

    /// The saved "Sync every" setting (5 minutes when unset), as the sync engine takes it.
    static std::chrono::milliseconds syncInterval(const QSettings &settings);
    /// The saved budget for attachments fetched ahead onto the device (sync/prefetchMegabytes, 1 GiB
    /// when unset; 0: none), in bytes as the sync engine takes it.
    static qint64 prefetchBudget(const QSettings &settings);

    /// Writes the values; false (with a message shown) when one is not acceptable.
    bool save();
    QString messageText() const;

    QLineEdit *serverEdit() const { return m_server; }
    QSpinBox *intervalBox() const { return m_interval; }
    QSpinBox *prefetchBox() const { return m_prefetch; }
    QComboBox *languageBox() const { return m_language; }
    QSpinBox *idleBox() const { return m_idle; }
    QLineEdit *cameraFolderEdit() const { return m_cameraFolder; }
    QPushButton *cameraFolderBrowseButton() const { return m_browseCamera; }
    QCheckBox *attachWithoutPinBox() const { return m_attachWithoutPin; }
    /// Shown only while a PIN is set.
    QLineEdit *currentPinEdit() const { return m_currentPin; }
    QLineEdit *newPinEdit() const { return m_pin; }
    QLineEdit *repeatPinEdit() const { return m_pinRepeat; }

Q_SIGNALS:
    /// Saved; `languageChanged` when the language differs from before (restart to apply).
    void settingsSaved(bool languageChanged);
    /// The current PIN was wrong: `failures` in a row, `waitSeconds` before the next try.
    void pinRejected(int failures, int waitSeconds);

private:
    void showMessage(const QString &text);
    void browseCameraFolder();
    const FileAccess &access() const { return m_access ? *m_access : m_ownAccess; }

    QSettings &m_settings;
    QLineEdit *m_server;
    QSpinBox *m_interval;
    QSpinBox *m_prefetch;
    QComboBox *m_language;
    QSpinBox *m_idle;
    QLineEdit *m_cameraFolder;
    QPushButton *m_browseCamera;
    QCheckBox *m_attachWithoutPin;
    QLineEdit *m_currentPin;
    QLineEdit *m_pin;
    QLineEdit *m_pinRepeat;
    QLabel *m_message;
    const FileAccess *m_access = nullptr;
    FileAccess m_ownAccess; // without the app's: the settings' folder and system folders refused
};

} // namespace outpost::ui
