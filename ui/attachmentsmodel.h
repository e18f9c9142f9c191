// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"
#include "keyedlistmodel.h"

namespace outpost::ui {

/// The attachments of one case: "name · size · pending upload / on the server".
/// Key = attachment id, ValueRole = the CaseAttachment, StateRole = CaseAttachment::State as int.
class AttachmentsModel : public KeyedListModel
{
    Q_OBJECT
public:
    enum Role { StateRole = ValueRole + 1 };
    using KeyedListModel::KeyedListModel;

    void setAttachments(const QList<CaseAttachment> &attachments);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString stateText(CaseAttachment::State state);
};

} // namespace outpost::ui

Q_DECLARE_METATYPE(outpost::ui::CaseAttachment)
