// SPDX-License-Identifier: MIT
#include "serverchangedbanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>

namespace outpost::ui {

ServerChangedBanner::ServerChangedBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_review(new QPushButton(tr("Review and merge"), this)), m_reload(new QPushButton(tr("Reload"), this)),
      m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("serverChangedBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#serverChangedBanner { background: #fff4ce; border: 1px solid #e0c060; "
                                 "border-radius: 4px; }"));
    setAccessibleName(tr("Server update"));
    m_icon->setPixmap(QIcon(QStringLiteral(":/icons/warning.svg")).pixmap(20, 20));
    m_text->setWordWrap(true);
    m_review->setObjectName(QStringLiteral("reviewButton"));
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setToolTip(tr("Show the server's version and drop your unsaved edits"));
    m_dismiss->setText(QStringLiteral("✕"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setAccessibleName(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Dismiss; your edits stay as they are"));

    auto *lay = new QHBoxLayout(this);
    lay->setContentsMargins(8, 6, 8, 6);
    lay->addWidget(m_icon);
    lay->addWidget(m_text, 1);
    lay->addWidget(m_review);
    lay->addWidget(m_reload);
    lay->addWidget(m_dismiss);

    connect(m_review, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT reviewRequested();
    });
    connect(m_reload, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT reloadRequested();
    });
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    hide();
}

void ServerChangedBanner::showFor(const QStringList &editedFields)
{
    QString text = tr("This case was changed on the server.");
    if (!editedFields.isEmpty())
        text += QLatin1Char(' ')
                + tr("Your unsaved edits are kept: %1.").arg(QLocale().createSeparatedList(editedFields));
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

QString ServerChangedBanner::message() const { return m_text->text(); }

} // namespace outpost::ui
