// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QPolygonF>
#include <QWidget>

namespace outpost::ui {

/// A surface to sign on: strokes drawn with a finger (touch events, several fingers apart), a pen
/// (tablet events) or the mouse, in black on white. toPng() renders what was drawn.
class SignaturePad : public QWidget
{
    Q_OBJECT
public:
    explicit SignaturePad(QWidget *parent = nullptr);

    bool isEmpty() const { return m_strokes.isEmpty(); }
    int strokeCount() const { return int(m_strokes.size()); }
    void clear();
    /// The drawing as a PNG at the pad's size (white background): what is stored and uploaded.
    QByteArray toPng() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// A stroke was finished or the pad cleared.
    void changed();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void tabletEvent(QTabletEvent *event) override;

private:
    void begin(int key, const QPointF &at);
    void extend(int key, const QPointF &at);
    void end(int key);

    QList<QPolygonF> m_strokes;
    QHash<int, qsizetype> m_open; // pointer (mouse, pen, touch point id) → its stroke in m_strokes
};

} // namespace outpost::ui
