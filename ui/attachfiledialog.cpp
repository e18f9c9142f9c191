// SPDX-License-Identifier: MIT
#include "attachfiledialog.h"

#include "fileaccess.h"
#include "uilogging.h"

#include <QAction>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

namespace outpost::ui {

namespace {
/// Lists only the attachment folders, what is inside them and the folders on the way to them.
class ConfinedProxy : public QSortFilterProxyModel
{
public:
    ConfinedProxy(QStringList folders, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_folders(std::move(folders))
    { }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        auto *fs = qobject_cast<QFileSystemModel *>(sourceModel());
        if (!fs)
            return false;
        const QString path = QDir::cleanPath(fs->filePath(fs->index(row, 0, parent)));
        for (const QString &f : m_folders)
            if (FileAccess::isInside(path, f) || FileAccess::isInside(f, path))
                return true;
        return false;
    }

private:
    QStringList m_folders;
};
} // namespace

AttachFileDialog::AttachFileDialog(const FileAccess &access, QWidget *parent)
    : QFileDialog(parent, tr("Attach files"))
    , m_access(access)
{
    setObjectName(QStringLiteral("attachFileDialog"));
    setFileMode(QFileDialog::ExistingFiles);
    setAcceptMode(QFileDialog::AcceptOpen);
    if (!access.isKiosk()) {
        const QStringList pictures = QStandardPaths::standardLocations(QStandardPaths::PicturesLocation);
        if (!pictures.isEmpty())
            setDirectory(pictures.first());
        return;
    }
    m_folders = access.attachmentFolders();
    setOption(QFileDialog::DontUseNativeDialog);
    setOption(QFileDialog::ReadOnly); // no rename, delete or new folder
    setOption(QFileDialog::DontResolveSymlinks);
    setProxyModel(new ConfinedProxy(m_folders, this));
    QList<QUrl> side;
    for (const QString &f : std::as_const(m_folders))
        side << QUrl::fromLocalFile(f);
    setSidebarUrls(side);
    setHistory({});
    if (auto *up = findChild<QToolButton *>(QStringLiteral("toParentButton")))
        up->hide();
    // Its context menu's "Show hidden files" would list programs' settings and keys.
    if (auto *hidden = findChild<QAction *>(QStringLiteral("qt_show_hidden_action")))
        hidden->setVisible(false);
    // A tablet's wide dialog: names, sizes and dates readable, the folders' names not cut.
    setViewMode(QFileDialog::Detail);
    if (auto *tree = findChild<QTreeView *>(QStringLiteral("treeView"))) {
        QHeaderView *header = tree->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(0, QHeaderView::Stretch);
        for (int c = 1; c < header->count(); ++c)
            header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    if (auto *split = findChild<QSplitter *>(QStringLiteral("splitter")))
        split->setSizes({ 260, 760 });
    if (parent) // no window manager sizes it on a kiosk: most of the screen, or names are cut
        resize(parent->window()->size() * 0.85);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("attachFileMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();
    if (auto *grid = qobject_cast<QGridLayout *>(layout()))
        grid->addWidget(m_message, grid->rowCount(), 0, 1, grid->columnCount());
    if (m_folders.isEmpty()) {
        m_message->setText(tr("No attachment folder is set up on this tablet."));
        m_message->show();
        setDirectory(QString()); // shows nothing: the proxy lets nothing through
    } else {
        setDirectory(m_folders.first());
    }
    connect(this, &QFileDialog::directoryEntered, this, &AttachFileDialog::keepInside);
    // setDirectory() (a typed folder, the "Look in" list) changes the model's root without it.
    for (QFileSystemModel *fs : findChildren<QFileSystemModel *>())
        connect(fs, &QFileSystemModel::rootPathChanged, this, &AttachFileDialog::keepInside);
}

QString AttachFileDialog::messageText() const
{
    return m_message && !m_message->isHidden() ? m_message->text() : QString();
}

void AttachFileDialog::keepInside(const QString &dir)
{
    if (!m_access.isKiosk() || m_access.mayEnter(dir) || m_folders.isEmpty())
        return;
    qCWarning(lcUi) << "kiosk file dialog: folder outside the attachment folders refused:" << dir;
    // Not from inside the dialog's own change of folder.
    QMetaObject::invokeMethod(
        this, [this] { setDirectory(m_folders.first()); }, Qt::QueuedConnection);
}

void AttachFileDialog::accept()
{
    const QStringList chosen = selectedFiles();
    if (m_access.isKiosk()) {
        // A typed folder: go there only when it is inside.
        if (chosen.size() == 1 && QFileInfo(chosen.first()).isDir()) {
            if (m_access.mayEnter(chosen.first())) {
                QFileDialog::accept();
            } else {
                qCWarning(lcUi) << "kiosk file dialog: typed folder refused:" << chosen.first();
                m_message->setText(tr("Only the attachment folders can be opened here."));
                m_message->show();
            }
            return;
        }
        for (const QString &path : chosen) {
            const QString why = m_access.whyRefused(path);
            if (!why.isEmpty()) {
                qCWarning(lcUi) << "kiosk file dialog: file refused:" << path;
                m_message->setText(why);
                m_message->show();
                return;
            }
        }
    }
    QFileDialog::accept();
}

} // namespace outpost::ui
