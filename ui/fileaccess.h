// SPDX-License-Identifier: MIT
#pragma once

#include "admingate.h"

#include <QStringList>

class QSettings;

namespace outpost::ui {

/// Which files the app may take in as attachments, for the attachments panel (MainWindow owns one
/// and hands it to every case view).
///
/// - Never the app's own files: the profile (stores, their attachment copies and caches), the
///   settings' folder, nor system folders (/etc, /proc, /usr…; C:\Windows…), on the desk too.
/// - In kiosk mode only the attachment folders: the user's Pictures folder and the camera import
///   folder of the settings (attachments/cameraFolder); the file dialog is confined to them and
///   asks the administrator PIN first unless kiosk/attachWithoutPin is set.
/// Paths are compared after resolving symbolic links, so a link in Pictures to the store is refused.
class FileAccess
{
public:
    explicit FileAccess(QSettings &settings)
        : m_settings(settings)
    { }

    void setKiosk(bool kiosk) { m_kiosk = kiosk; }
    bool isKiosk() const { return m_kiosk; }
    /// The app's own folders (the profile with its stores and caches).
    void setProtectedFolders(const QStringList &folders) { m_protected = folders; }
    void setAdminGate(AdminGate gate) { m_gate = std::move(gate); }
    const AdminGate &adminGate() const { return m_gate; }

    /// Existing attachment folders, as configured now (kiosk: the file dialog's only places).
    QStringList attachmentFolders() const;
    /// Kiosk: choosing files asks the administrator PIN first.
    bool browsingNeedsPin() const;
    /// Empty when `path` may be attached, else why not (translated).
    QString whyRefused(const QString &path) const;
    /// Kiosk: whether the file dialog may show `dir` (inside an attachment folder); on the desk any.
    bool mayEnter(const QString &dir) const;
    /// Whether `path` is an attachment folder or an ancestor of one (the dialog's way there).
    bool isOnTheWay(const QString &path) const;
    /// Empty when `dir` may be an attachment folder (the camera import folder), else why not
    /// (translated): it must exist and must not be the home folder, `/`, a hidden folder (or in
    /// one), or hold or lie in a refused folder.
    QString whyNoAttachmentFolder(const QString &dir) const;
    /// Where the settings' folder picker browses for a camera import folder: the home folder and,
    /// on Unix, /media and /mnt (removable media), those that exist and are not refused.
    QStringList folderPickerPlaces() const;

    /// Folders no attachment comes from on any device: the settings' folder, system folders, and
    /// the protected folders.
    QStringList refusedFolders() const;
    static QStringList systemFolders();
    /// `path` with links resolved when it exists, else cleaned.
    static QString resolved(const QString &path);
    static bool isInside(const QString &path, const QString &folder);

private:
    QSettings &m_settings;
    bool m_kiosk = false;
    QStringList m_protected;
    AdminGate m_gate;
};

} // namespace outpost::ui
