// SPDX-License-Identifier: MIT
#include "readypanel.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace outpost::ui {

int ReadyState::reasonCount() const
{
    return int(std::count_if(lines.begin(), lines.end(), [](const ReadyLine &l) { return !l.ok; }));
}

ReadyPanel::ReadyPanel(QWidget *parent)
    : QDialog(parent)
    , m_headline(new QLabel(this))
    , m_checked(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_getReady(new QPushButton(tr("&Get ready"), this))
    , m_checkAgain(new QPushButton(tr("Check &again"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("readyPanel"));
    setWindowTitle(tr("Ready to go offline?"));
    m_headline->setObjectName(QStringLiteral("readyHeadline"));
    m_headline->setWordWrap(true);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_headline->setFont(big);
    m_checked->setObjectName(QStringLiteral("readyCheckedAt"));
    m_list->setObjectName(QStringLiteral("readyList"));
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setAccessibleName(tr("What was checked"));
    m_progress->setObjectName(QStringLiteral("readyProgress"));
    m_progress->setAccessibleName(tr("Getting ready"));
    m_status->setObjectName(QStringLiteral("readyStatus"));
    m_status->setWordWrap(true);
    m_getReady->setObjectName(QStringLiteral("getReady"));
    m_getReady->setToolTip(tr("Send what is queued, fetch everything for your cases, then check again"));
    m_checkAgain->setObjectName(QStringLiteral("checkAgain"));
    m_getReady->setDefault(true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_getReady, QDialogButtonBox::ActionRole);
    buttons->addButton(m_checkAgain, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_headline);
    lay->addWidget(m_checked);
    lay->addWidget(m_list, 1);
    lay->addWidget(m_progress);
    lay->addWidget(m_status);
    lay->addWidget(buttons);
    connect(m_getReady, &QPushButton::clicked, this, &ReadyPanel::getReadyRequested);
    connect(m_checkAgain, &QPushButton::clicked, this, &ReadyPanel::checkRequested);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    resize(560, 480);
    refresh();
}

void ReadyPanel::setState(const ReadyState &state)
{
    m_state = state;
    refresh();
}

void ReadyPanel::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_status->setText(text);
    if (busy) {
        m_progress->setRange(0, 0); // busy until the sync says how far it is
    }
    refresh();
}

void ReadyPanel::setProgress(const QString &phase, int done, int total)
{
    if (!m_busy)
        return;
    m_progress->setRange(0, std::max(total, 0));
    m_progress->setValue(total > 0 ? std::min(done, total) : 0);
    QString what;
    if (phase == QLatin1String("upload"))
        what = tr("Sending your changes");
    else if (phase == QLatin1String("attachments"))
        what = tr("Sending attachments");
    else if (phase == QLatin1String("prefetch"))
        what = tr("Fetching attachments");
    else
        what = tr("Fetching news from the server");
    m_status->setText(
        total > 0 ? tr("%1: %2 of %3").arg(what).arg(done).arg(total) : what + QStringLiteral("…"));
}

QString ReadyPanel::headline() const
{
    return m_headline->text();
}

QString ReadyPanel::statusText() const
{
    return m_status->text();
}

void ReadyPanel::refresh()
{
    m_progress->setVisible(m_busy);
    m_status->setVisible(!m_status->text().isEmpty());
    m_getReady->setEnabled(!m_busy);
    m_checkAgain->setEnabled(!m_busy);
    QPalette pal = m_headline->palette();
    if (!m_state.known) {
        m_headline->setText(tr("Checking…"));
        pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    } else if (m_state.ready) {
        m_headline->setText(tr("Ready to go offline"));
        pal.setColor(QPalette::WindowText, QColor(0x1b, 0x7f, 0x3a));
    } else {
        m_headline->setText(tr("Not ready to go offline"));
        pal.setColor(QPalette::WindowText, QColor(0xb0, 0x3a, 0x00));
    }
    m_headline->setPalette(pal);
    m_checked->setText(m_state.checkedAt.isValid()
            ? tr("Checked at %1")
                  .arg(QLocale().toString(m_state.checkedAt.toLocalTime().time(), QLocale::ShortFormat))
            : QString());

    m_list->clear();
    const QIcon bad(QStringLiteral(":/icons/conflict.svg"));
    const QIcon good(QStringLiteral(":/icons/online.svg"));
    // What stands in the way first, then what is fine.
    for (int pass = 0; pass < 2; ++pass) {
        for (const ReadyLine &l : m_state.lines) {
            if (l.ok != (pass == 1))
                continue;
            auto *item = new QListWidgetItem(l.ok ? good : bad, l.text, m_list);
            if (!l.ok) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            } else {
                item->setForeground(palette().color(QPalette::PlaceholderText));
            }
            for (const QString &d : l.details)
                new QListWidgetItem(QStringLiteral("    ") + d, m_list);
        }
    }
}

} // namespace outpost::ui
