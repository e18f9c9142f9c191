// SPDX-License-Identifier: MIT
#include "attachmentsmodel.h"

#include <QLocale>

namespace outpost::ui {

QString AttachmentsModel::stateText(CaseAttachment::State state)
{
    switch (state) {
    case CaseAttachment::State::Pending:
        return tr("pending upload");
    case CaseAttachment::State::Uploaded:
        return tr("on the server");
    case CaseAttachment::State::OnServer:
        break;
    }
    return tr("on the server, opened after a download");
}

void AttachmentsModel::setAttachments(const QList<CaseAttachment> &attachments)
{
    QList<KeyedItem> items;
    const QLocale locale;
    for (const CaseAttachment &a : attachments) {
        const QString text
            = tr("%1 · %2 · %3").arg(a.name, locale.formattedDataSize(a.size), stateText(a.state));
        const QString tip = a.mime.isEmpty() ? QString() : tr("%1 (%2)").arg(text, a.mime);
        items.append({ a.id, text, tip, QVariant::fromValue(a) });
    }
    setItems(items);
}

QVariant AttachmentsModel::data(const QModelIndex &index, int role) const
{
    if (role == StateRole) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return int(itemAt(index.row()).value.value<CaseAttachment>().state);
    }
    return KeyedListModel::data(index, role);
}

} // namespace outpost::ui
