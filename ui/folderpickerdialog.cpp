// SPDX-License-Identifier: MIT
#include "folderpickerdialog.h"

#include "fileaccess.h"
#include "uilogging.h"

#include <QAction>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QGridLayout>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QUrl>

namespace outpost::ui {

namespace {
/// Lists what lies inside the places (but nothing of the refused folders) and the folders on the
/// way to the places.
class PlacesProxy : public QSortFilterProxyModel
{
public:
    PlacesProxy(QStringList places, QStringList refused, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_places(std::move(places))
        , m_refused(std::move(refused))
    { }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        auto *fs = qobject_cast<QFileSystemModel *>(sourceModel());
        if (!fs)
            return false;
        const QString path = QDir::cleanPath(fs->filePath(fs->index(row, 0, parent)));
        for (const QString &r : m_refused)
            if (FileAccess::isInside(path, r))
                return false;
        for (const QString &p : m_places)
            if (FileAccess::isInside(path, p) || FileAccess::isInside(p, path))
                return true;
        return false;
    }

private:
    QStringList m_places, m_refused;
};
} // namespace

FolderPickerDialog::FolderPickerDialog(const FileAccess &access, const QString &current, QWidget *parent)
    : QFileDialog(parent, tr("Camera import folder"))
    , m_access(access)
    , m_places(access.folderPickerPlaces())
{
    setObjectName(QStringLiteral("folderPickerDialog"));
    setFileMode(QFileDialog::Directory);
    setAcceptMode(QFileDialog::AcceptOpen);
    setOption(QFileDialog::ShowDirsOnly);
    setOption(QFileDialog::DontUseNativeDialog);
    setOption(QFileDialog::ReadOnly); // no rename, delete or new folder
    setOption(QFileDialog::DontResolveSymlinks);
    setProxyModel(new PlacesProxy(m_places, access.refusedFolders(), this));
    QList<QUrl> side;
    for (const QString &p : std::as_const(m_places))
        side << QUrl::fromLocalFile(p);
    setSidebarUrls(side);
    setHistory({});
    if (auto *up = findChild<QToolButton *>(QStringLiteral("toParentButton")))
        up->hide();
    // Its context menu's "Show hidden files" would list programs' settings and keys.
    if (auto *hidden = findChild<QAction *>(QStringLiteral("qt_show_hidden_action")))
        hidden->setVisible(false);
    if (parent) // no window manager sizes it on a kiosk
        resize(parent->window()->size() * 0.85);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("folderPickerMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();
    if (auto *grid = qobject_cast<QGridLayout *>(layout()))
        grid->addWidget(m_message, grid->rowCount(), 0, 1, grid->columnCount());
    const QString start = FileAccess::resolved(current);
    if (!current.isEmpty() && QFileInfo(start).isDir() && isInPlaces(start))
        setDirectory(start);
    else if (!m_places.isEmpty())
        setDirectory(m_places.first());
    connect(this, &QFileDialog::directoryEntered, this, &FolderPickerDialog::keepInside);
    // setDirectory() (a typed folder, the "Look in" list) changes the model's root without it.
    for (QFileSystemModel *fs : findChildren<QFileSystemModel *>())
        connect(fs, &QFileSystemModel::rootPathChanged, this, &FolderPickerDialog::keepInside);
}

QString FolderPickerDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool FolderPickerDialog::isInPlaces(const QString &dir) const
{
    const QString real = FileAccess::resolved(dir);
    for (const QString &r : m_access.refusedFolders())
        if (FileAccess::isInside(real, r))
            return false;
    for (const QString &p : m_places)
        if (FileAccess::isInside(real, p))
            return true;
    return false;
}

void FolderPickerDialog::keepInside(const QString &dir)
{
    if (m_places.isEmpty() || isInPlaces(dir))
        return;
    qCWarning(lcUi) << "folder picker: folder outside its places refused:" << dir;
    // Not from inside the dialog's own change of folder.
    QMetaObject::invokeMethod(
        this, [this] { setDirectory(m_places.first()); }, Qt::QueuedConnection);
}

void FolderPickerDialog::refuse(const QString &why)
{
    m_message->setText(why);
    m_message->show();
}

void FolderPickerDialog::accept()
{
    const QStringList chosen = selectedFiles();
    if (chosen.size() != 1)
        return;
    const QString dir = chosen.first();
    if (!m_places.isEmpty() && !isInPlaces(dir)) {
        qCWarning(lcUi) << "folder picker: choice outside its places refused:" << dir;
        refuse(
            tr("Choose a folder in %1.").arg(QDir::toNativeSeparators(m_places.join(QStringLiteral(", ")))));
        return;
    }
    if (const QString why = m_access.whyNoAttachmentFolder(dir); !why.isEmpty()) {
        qCWarning(lcUi) << "folder picker: no attachment folder:" << dir;
        refuse(why);
        return;
    }
    m_message->hide();
    QFileDialog::accept();
}

} // namespace outpost::ui
