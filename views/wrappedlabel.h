#pragma once

#include <QLabel>
#include <QMargins>

namespace ntl {

// A word-wrapped, selectable QLabel that measures its text once per width. QLabel lays a
// selectable text out again for every size question: its minimum size alone lays it out
// six times (each measure, then the old width restored), its size hint and height for a
// width twice more, and a layout pass asks each several times. The details panel's labels
// took 6 of the 10 ms that following a newly selected event cost at 100,000 events. Here its
// plain wrapped text is measured by the font's metrics word by word for its size hints (the
// widest word, the widest line, as QLabel's), laid out only for a height at a width, and the
// answers are kept until the text, the font, the style or a margin changes. For text only
// (a pixmap, movie or picture is not part of what the answers are kept for).
class WrappedLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappedLabel(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // Clears the answers if what they were computed for changed.
    void checkKey() const;
    bool measuredByWords() const;
    void measureWords() const;
    int laidOutHeight(int width) const;

    struct Key {
        QString text;
        QMargins margins;
        int indent = 0;
        int margin = 0;
        bool wordWrap = false;
        Qt::TextFormat format = Qt::AutoText;
        bool operator==(const Key &other) const;
    };
    mutable Key m_key;
    mutable QSize m_sizeHint;        // invalid: not asked since the last change
    mutable QSize m_minimumSizeHint; // invalid: not asked since the last change
    mutable int m_lines = 1;      // of the text unwrapped
    mutable int m_widestLine = 0; // unwrapped, without margins
    mutable int m_widestWord = 0;
    // Heights for the last few widths asked (a layout asks for two or three).
    mutable QList<std::pair<int, int>> m_heights;
};

} // namespace ntl
