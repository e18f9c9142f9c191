// SPDX-License-Identifier: MIT
#pragma once

#include "filekind.h"

#include <QDialog>

class QBuffer;
class QGraphicsPixmapItem;
class QGraphicsView;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QStackedWidget;

namespace outpost::ui {

/// Shows an image or a PDF inside the app, so that nothing is handed to another application
/// (kiosk mode) and the technician stays in the case: an image in a QGraphicsView, a PDF's pages
/// in a QPdfView (QtPdf), both with Zoom in, Zoom out and Fit (also Ctrl+wheel, Ctrl++ / Ctrl+-).
/// Open it with open(); it deletes itself when closed.
class AttachmentViewer : public QDialog
{
    Q_OBJECT
public:
    explicit AttachmentViewer(QWidget *parent = nullptr);

    /// Shows `content`, the file `name` (FileKind Image or Pdf), from memory; false with errorText()
    /// when it cannot be shown.
    bool load(const QString &name, const QByteArray &content, FileKind kind);
    /// The same for a plain file on disk.
    bool load(const QString &path, FileKind kind);
    QString errorText() const { return m_error; }
    FileKind kind() const { return m_kind; }

    /// 1.0 = the image's pixels (or the PDF's points) at screen size.
    qreal zoom() const;
    void zoomIn();
    void zoomOut();
    void fit();
    int pageCount() const;
    QGraphicsView *imageView() const { return m_imageView; }
    QPdfView *pdfView() const { return m_pdfView; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setZoom(qreal zoom);

    FileKind m_kind = FileKind::Other;
    QString m_error;
    QStackedWidget *m_pages;
    QGraphicsView *m_imageView;
    QGraphicsPixmapItem *m_pixmap;
    QPdfDocument *m_pdf;
    QBuffer *m_buffer; // the shown file, in memory
    QPdfView *m_pdfView;
    QLabel *m_info;
    qreal m_zoom = 1.0;
};

} // namespace outpost::ui
