// SPDX-License-Identifier: MIT
#include "attachmentviewer.h"

#include "uilogging.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace outpost::ui {

namespace {
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 16.0;
constexpr qreal kStep = 1.25;
constexpr int kMaxImageSide = 16384; // larger pictures are scaled down while read
} // namespace

AttachmentViewer::AttachmentViewer(QWidget *parent)
    : QDialog(parent)
    , m_pages(new QStackedWidget(this))
    , m_imageView(new QGraphicsView(this))
    , m_pixmap(new QGraphicsPixmapItem)
    , m_pdf(new QPdfDocument(this))
    , m_buffer(new QBuffer(this))
    , m_pdfView(new QPdfView(this))
    , m_info(new QLabel(this))
{
    setObjectName(QStringLiteral("attachmentViewer"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *scene = new QGraphicsScene(this);
    scene->addItem(m_pixmap);
    m_pixmap->setTransformationMode(Qt::SmoothTransformation);
    m_imageView->setScene(scene);
    m_imageView->setObjectName(QStringLiteral("imageView"));
    m_imageView->setDragMode(QGraphicsView::ScrollHandDrag); // a finger or the mouse moves the picture
    m_imageView->setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    m_imageView->setAlignment(Qt::AlignCenter);
    m_imageView->viewport()->installEventFilter(this);
    m_pdfView->setObjectName(QStringLiteral("pdfView"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->viewport()->installEventFilter(this);
    m_pages->addWidget(m_imageView);
    m_pages->addWidget(m_pdfView);
    m_info->setObjectName(QStringLiteral("viewerInfo"));

    auto *zoomOutButton = new QPushButton(tr("Zoom out"), this);
    zoomOutButton->setObjectName(QStringLiteral("zoomOut"));
    zoomOutButton->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out")));
    auto *zoomInButton = new QPushButton(tr("Zoom in"), this);
    zoomInButton->setObjectName(QStringLiteral("zoomIn"));
    zoomInButton->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in")));
    auto *fitButton = new QPushButton(tr("Fit"), this);
    fitButton->setObjectName(QStringLiteral("zoomFit"));
    fitButton->setToolTip(tr("The whole picture or page width in the window"));
    connect(zoomOutButton, &QPushButton::clicked, this, &AttachmentViewer::zoomOut);
    connect(zoomInButton, &QPushButton::clicked, this, &AttachmentViewer::zoomIn);
    connect(fitButton, &QPushButton::clicked, this, &AttachmentViewer::fit);
    for (QPushButton *b : { zoomOutButton, zoomInButton, fitButton })
        b->setAutoDefault(false);
    new QShortcut(QKeySequence::ZoomIn, this, this, &AttachmentViewer::zoomIn);
    new QShortcut(QKeySequence::ZoomOut, this, this, &AttachmentViewer::zoomOut);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_info, 1);
    bar->addWidget(zoomOutButton);
    bar->addWidget(zoomInButton);
    bar->addWidget(fitButton);
    bar->addWidget(close);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_pages, 1);
    lay->addLayout(bar);
    resize(900, 700);
}

bool AttachmentViewer::load(const QString &path, FileKind kind)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = tr("%1 cannot be shown: %2").arg(QFileInfo(path).fileName(), f.errorString());
        return false;
    }
    return load(QFileInfo(path).fileName(), f.readAll(), kind);
}

bool AttachmentViewer::load(const QString &name, const QByteArray &content, FileKind kind)
{
    m_kind = kind;
    setWindowTitle(name);
    // From memory: the file's plaintext never touches the disk (the store keeps it sealed).
    m_buffer->close();
    m_buffer->setData(content);
    m_buffer->open(QIODevice::ReadOnly);
    if (kind == FileKind::Image) {
        QImageReader reader(m_buffer);
        reader.setDecideFormatFromContent(true);
        reader.setAutoTransform(true); // a phone's portrait photo stands upright
        const QSize size = reader.size();
        if (size.isValid() && qMax(size.width(), size.height()) > kMaxImageSide)
            reader.setScaledSize(size.scaled(kMaxImageSide, kMaxImageSide, Qt::KeepAspectRatio));
        const QImage image = reader.read();
        if (image.isNull()) {
            m_error = tr("%1 cannot be shown: %2").arg(name, reader.errorString());
            return false;
        }
        m_pixmap->setPixmap(QPixmap::fromImage(image));
        m_imageView->scene()->setSceneRect(m_pixmap->boundingRect());
        m_pages->setCurrentWidget(m_imageView);
        m_info->setText(tr("%1 × %2 pixels").arg(image.width()).arg(image.height()));
        QMetaObject::invokeMethod(this, &AttachmentViewer::fit, Qt::QueuedConnection); // once laid out
        return true;
    }
    if (kind == FileKind::Pdf) {
        m_pdf->load(m_buffer); // from memory; it reads the buffer for as long as it is shown
        if (m_pdf->error() != QPdfDocument::Error::None || m_pdf->status() != QPdfDocument::Status::Ready
            || m_pdf->pageCount() < 1) {
            m_error = tr("%1 cannot be shown: it is not a readable PDF.").arg(name);
            return false;
        }
        m_pages->setCurrentWidget(m_pdfView);
        m_info->setText(tr("%n page(s)", nullptr, m_pdf->pageCount()));
        fit();
        return true;
    }
    m_error = tr("%1 cannot be shown inside the app.").arg(name);
    return false;
}

int AttachmentViewer::pageCount() const
{
    return m_kind == FileKind::Pdf ? m_pdf->pageCount() : 1;
}

qreal AttachmentViewer::zoom() const
{
    return m_kind == FileKind::Pdf ? m_pdfView->zoomFactor() : m_zoom;
}

void AttachmentViewer::setZoom(qreal zoom)
{
    zoom = qBound(kMinZoom, zoom, kMaxZoom);
    if (m_kind == FileKind::Pdf) {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdfView->setZoomFactor(zoom);
        return;
    }
    m_zoom = zoom;
    m_imageView->setTransform(QTransform::fromScale(zoom, zoom));
}

void AttachmentViewer::zoomIn()
{
    setZoom(zoom() * kStep);
}

void AttachmentViewer::zoomOut()
{
    setZoom(zoom() / kStep);
}

void AttachmentViewer::fit()
{
    if (m_kind == FileKind::Pdf) {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
        return;
    }
    const QRectF r = m_pixmap->boundingRect();
    const QSize room = m_imageView->viewport()->size();
    if (r.isEmpty() || room.isEmpty())
        return;
    // The whole picture, never blown up past its own pixels.
    setZoom(qMin(1.0, qMin(room.width() / r.width(), room.height() / r.height())));
}

bool AttachmentViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            if (wheel->angleDelta().y() > 0)
                zoomIn();
            else if (wheel->angleDelta().y() < 0)
                zoomOut();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace outpost::ui
