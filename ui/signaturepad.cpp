// SPDX-License-Identifier: MIT
#include "signaturepad.h"

#include <QBuffer>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTabletEvent>
#include <QTouchEvent>

namespace outpost::ui {

namespace {
constexpr int kMouse = -1;
constexpr int kPen = -2;

void drawStrokes(QPainter &p, const QList<QPolygonF> &strokes)
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::black, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPolygonF &s : strokes) {
        if (s.size() == 1)
            p.drawPoint(s.first());
        else
            p.drawPolyline(s);
    }
}
} // namespace

SignaturePad::SignaturePad(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(160);
}

QSize SignaturePad::sizeHint() const
{
    return { 480, 180 };
}

QSize SignaturePad::minimumSizeHint() const
{
    return { 280, 160 };
}

void SignaturePad::clear()
{
    m_strokes.clear();
    m_open.clear();
    update();
    Q_EMIT changed();
}

QByteArray SignaturePad::toPng() const
{
    QImage image(size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    drawStrokes(p, m_strokes);
    p.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

void SignaturePad::begin(int key, const QPointF &at)
{
    m_open.insert(key, m_strokes.size());
    m_strokes.append(QPolygonF { at });
    update();
}

void SignaturePad::extend(int key, const QPointF &at)
{
    const auto it = m_open.constFind(key);
    if (it == m_open.cend())
        return;
    QPolygonF &s = m_strokes[it.value()];
    if (s.last() != at)
        s.append(at);
    update();
}

void SignaturePad::end(int key)
{
    if (m_open.remove(key))
        Q_EMIT changed();
}

bool SignaturePad::event(QEvent *e)
{
    switch (e->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd: {
        // Each finger draws its own stroke; accepting the touch keeps Qt from making mouse events
        // of it as well.
        auto *t = static_cast<QTouchEvent *>(e);
        for (const QEventPoint &pt : t->points()) {
            switch (pt.state()) {
            case QEventPoint::Pressed:
                begin(pt.id(), pt.position());
                break;
            case QEventPoint::Updated:
                extend(pt.id(), pt.position());
                break;
            case QEventPoint::Released:
                extend(pt.id(), pt.position());
                end(pt.id());
                break;
            default:
                break;
            }
        }
        e->accept();
        return true;
    }
    case QEvent::TouchCancel:
        for (const int key : m_open.keys())
            end(key);
        e->accept();
        return true;
    default:
        return QWidget::event(e);
    }
}

void SignaturePad::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    // The line to sign on, as on paper.
    p.setPen(QPen(QColor(0x9e, 0x9e, 0x9e), 1, Qt::DashLine));
    const int y = height() - 36;
    p.drawLine(16, y, width() - 16, y);
    drawStrokes(p, m_strokes);
    p.setPen(hasFocus() ? palette().color(QPalette::Highlight) : QColor(0x75, 0x75, 0x75));
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

void SignaturePad::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton)
        begin(kMouse, e->position());
}

void SignaturePad::mouseMoveEvent(QMouseEvent *e)
{
    if (e->buttons() & Qt::LeftButton)
        extend(kMouse, e->position());
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton) {
        extend(kMouse, e->position());
        end(kMouse);
    }
}

void SignaturePad::tabletEvent(QTabletEvent *e)
{
    // A pen: accepted, so that no mouse events are made of it.
    switch (e->type()) {
    case QEvent::TabletPress:
        begin(kPen, e->position());
        break;
    case QEvent::TabletMove:
        if (e->buttons() & Qt::LeftButton || e->pressure() > 0)
            extend(kPen, e->position());
        break;
    case QEvent::TabletRelease:
        end(kPen);
        break;
    default:
        break;
    }
    e->accept();
}

} // namespace outpost::ui
