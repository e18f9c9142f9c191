// SPDX-License-Identifier: MIT
#include "signatureeditor.h"

#include "signaturepad.h"

#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace outpost::ui {

namespace {
constexpr int kTouchTarget = 44; // px: every button a finger must hit (ui/README.md, Desk and tablet)

QPushButton *touchButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setMinimumHeight(kTouchTarget);
    b->setMinimumWidth(96);
    return b;
}
} // namespace

SignatureEditor::SignatureEditor(const FieldDef &f, QWidget *parent)
    : FieldEditor(f, parent)
    , m_box(new QWidget(parent))
    , m_stack(new QStackedWidget(m_box))
    , m_pad(new SignaturePad(m_stack))
    , m_hint(new QLabel(m_stack))
    , m_clear(touchButton(tr("Clear"), QStringLiteral("clear_") + f.name, m_stack))
    , m_cancel(touchButton(tr("Cancel"), QStringLiteral("cancel_") + f.name, m_stack))
    , m_done(touchButton(tr("Done"), QStringLiteral("done_") + f.name, m_stack))
    , m_image(new QLabel(m_stack))
    , m_state(new QLabel(m_stack))
    , m_again(touchButton(tr("Sign again"), QStringLiteral("signAgain_") + f.name, m_stack))
{
    auto *outer = new QVBoxLayout(m_box);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto *padPage = new QWidget(m_stack);
    auto *pv = new QVBoxLayout(padPage);
    pv->setContentsMargins(0, 0, 0, 0);
    m_pad->setParent(padPage);
    m_pad->setObjectName(QStringLiteral("pad_") + f.name);
    m_pad->setAccessibleDescription(tr("Sign here with a finger, a pen or the mouse, then press Done."));
    pv->addWidget(m_pad);
    auto *ph = new QHBoxLayout;
    m_hint->setParent(padPage);
    m_hint->setText(tr("Sign above with a finger, a pen or the mouse."));
    m_hint->setWordWrap(true);
    ph->addWidget(m_hint, 1);
    for (QPushButton *b : { m_clear, m_cancel, m_done }) {
        b->setParent(padPage);
        ph->addWidget(b);
    }
    pv->addLayout(ph);
    m_stack->addWidget(padPage);

    auto *shownPage = new QWidget(m_stack);
    auto *sv = new QVBoxLayout(shownPage);
    sv->setContentsMargins(0, 0, 0, 0);
    m_image->setParent(shownPage);
    m_image->setObjectName(QStringLiteral("signature_") + f.name);
    m_image->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_image->setMinimumHeight(60);
    m_image->setAccessibleName(tr("%1: the captured signature").arg(f.label));
    sv->addWidget(m_image);
    auto *sh = new QHBoxLayout;
    m_state->setParent(shownPage);
    m_state->setWordWrap(true);
    sh->addWidget(m_state, 1);
    m_again->setParent(shownPage);
    sh->addWidget(m_again);
    sv->addLayout(sh);
    sv->addStretch(1); // the pad's page is taller: the room goes below, not between picture and button
    m_stack->addWidget(shownPage);

    m_clear->setAccessibleName(tr("%1: Clear").arg(f.label));
    m_cancel->setAccessibleName(tr("%1: Cancel signing").arg(f.label));
    m_done->setAccessibleName(tr("%1: Done").arg(f.label));
    m_again->setAccessibleName(tr("%1: Sign again").arg(f.label));

    connect(m_pad, &SignaturePad::changed, this, &SignatureEditor::updateButtons);
    connect(m_clear, &QPushButton::clicked, m_pad, &SignaturePad::clear);
    connect(m_done, &QPushButton::clicked, this, &SignatureEditor::done);
    connect(m_cancel, &QPushButton::clicked, this, &SignatureEditor::cancel);
    connect(m_again, &QPushButton::clicked, this, &SignatureEditor::signAgain);
    showValue();
}

QWidget *SignatureEditor::widget() const
{
    return m_box;
}

QWidget *SignatureEditor::editor() const
{
    return m_pad;
}

QList<QWidget *> SignatureEditor::extraFocusWidgets() const
{
    return { m_clear, m_cancel, m_done, m_again };
}

QJsonValue SignatureEditor::value() const
{
    return m_sha.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m_sha);
}

void SignatureEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (readOnly && isSigning())
        cancel();
    updateButtons();
}

void SignatureEditor::setImageLoader(ImageLoader loader)
{
    m_loader = std::move(loader);
    showValue();
}

bool SignatureEditor::isSigning() const
{
    return m_stack->currentIndex() == 0;
}

void SignatureEditor::setSigningAllowed(bool allowed, const QString &why)
{
    m_allowed = allowed;
    m_hint->setText(allowed ? tr("Sign above with a finger, a pen or the mouse.") : why);
    updateButtons();
}

void SignatureEditor::applyValue(const QJsonValue &value)
{
    m_sha = value.isString() ? value.toString() : QString();
    m_png.clear();
    m_pad->clear();
    showValue();
}

void SignatureEditor::done()
{
    if (m_pad->isEmpty())
        return;
    m_png = m_pad->toPng();
    m_sha = QString::fromLatin1(QCryptographicHash::hash(m_png, QCryptographicHash::Sha256).toHex());
    m_pad->clear();
    showValue();
    notifyEdited();
}

void SignatureEditor::signAgain()
{
    m_pad->clear();
    m_stack->setCurrentIndex(0);
    updateButtons();
    m_pad->setFocus(Qt::OtherFocusReason);
}

void SignatureEditor::cancel()
{
    m_pad->clear();
    showValue();
}

void SignatureEditor::showValue()
{
    if (m_sha.isEmpty()) {
        m_stack->setCurrentIndex(0);
        updateButtons();
        return;
    }
    QPixmap picture;
    if (!m_png.isEmpty())
        picture.loadFromData(m_png, "PNG");
    else if (m_loader)
        picture.loadFromData(m_loader(m_sha), "PNG");
    if (picture.isNull()) {
        m_image->setPixmap({});
        m_image->setText(tr("Signed. The picture is not on this device."));
    } else {
        m_image->setPixmap(
            picture.height() > 140 ? picture.scaledToHeight(140, Qt::SmoothTransformation) : picture);
    }
    m_state->setText(m_png.isEmpty() ? tr("Signed") : tr("Signed here; saved with the case."));
    m_stack->setCurrentIndex(1);
    updateButtons();
}

void SignatureEditor::updateButtons()
{
    const bool can = !m_readOnly && m_allowed;
    m_pad->setEnabled(can);
    m_clear->setEnabled(can && !m_pad->isEmpty());
    m_done->setEnabled(can && !m_pad->isEmpty());
    m_cancel->setVisible(!m_sha.isEmpty());
    m_again->setEnabled(can);
}

} // namespace outpost::ui
