#pragma once

#include "passagehighlights.h"

#include <QFont>
#include <QSizeF>
#include <QTextCharFormat>
#include <QTextDocument>

namespace ntl {

// An article's text laid out to fill a rectangle, as the Sources export shows it: in the
// largest type, from `largestPointSize` down to 7 points by half points, at which all of
// it fits, else in the smallest size tried with as many whole lines as fit. Only a prefix of the
// text long enough to fill the rectangle is laid out, not all of it once per size tried (an article
// with 10,000 passages took 1.5 s to export): a paragraph's lines do not depend on the paragraphs
// after it.
class ArticleLayout {
public:
    struct Formats {
        QTextCharFormat text;
        QTextCharFormat highlight;
        QTextCharFormat emphasis;
    };

    ArticleLayout(const QString &text, const QList<PassageHighlights::Range> &highlights,
                  const Formats &formats, const QFont &font, qreal largestPointSize,
                  const QSizeF &size);

    qreal pointSize() const { return m_pointSize; }
    // Even the smallest type does not fit.
    bool overflows() const { return m_overflows; }
    // Where the last whole line above `limit` ends: `limit` when the text fits.
    qreal wholeLinesEnd(qreal limit) const;
    // The prefix laid out; draw it clipped to wholeLinesEnd().
    QTextDocument &document() { return m_document; }
    const QTextDocument &document() const { return m_document; }

private:
    int prefixEnd(qsizetype wanted) const;
    void build(int prefix);
    bool cutInsideParagraph() const;
    qreal reliableHeight() const;

    QString m_text;
    QList<PassageHighlights::Range> m_highlights;
    Formats m_formats;
    qreal m_width;
    int m_prefix = 0;
    qreal m_pointSize = 0;
    bool m_overflows = false;
    QTextDocument m_document;
};

} // namespace ntl
