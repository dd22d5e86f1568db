#pragma once

#include "chroniclecontent.h"

#include <QFont>
#include <QList>
#include <QPalette>
#include <QTextDocument>

#include <memory>

class QPagedPaintDevice;
class QPainter;

namespace ntl {

// The Chronicle laid out once for the painted exports (PDF, PNG, the export preview):
// a QTextDocument built with QTextCursor and plain insertText, so dataset text is never
// read as markup. Pages break between entries (a group's heading stays with its first
// entry), between lines only when one entry is taller than a page.
class ChronicleDocument {
public:
    // `maxHeight`: stop adding entries once the layout is taller than this (logical
    // pixels), so an image that could not be made is refused without laying out every
    // event; truncated() then says so. 0: no bound (a PDF, which has pages).
    ChronicleDocument(const ChronicleContent &content, const QPalette &palette, qreal textWidth,
                      qreal maxHeight = 0);
    ~ChronicleDocument();

    QTextDocument &document() { return *m_document; }
    qreal height() const;
    bool truncated() const { return m_truncated; }

    // The document's vertical ranges [top, bottom) that make the pages of this height.
    QList<QPair<qreal, qreal>> pages(qreal pageHeight) const;
    // Draws the document's range [top, bottom) with its top at the painter's origin: only
    // the lines inside it, so no text is drawn twice across a page break.
    void drawRange(QPainter *painter, qreal top, qreal bottom) const;

    // A paginated PDF: each page the paper size (millimetres), with page numbers.
    static bool writePdf(const ChronicleContent &content, const QPalette &palette,
                         const QSizeF &paperMm, const QString &pdfTitle, QByteArray *bytes,
                         QString *problem);
    // Every page, numbered, on a paged device (a PDF writer, a printer) that `painter` has
    // begun, each `pageSize` logical pixels (96 to the inch) as the painter maps them.
    static bool paintPages(const ChronicleContent &content, const QPalette &palette,
                           QPainter *painter, QPagedPaintDevice *device, const QSizeF &pageSize,
                           QString *problem);
    // One page as the PDF draws it, onto a painter `pageSize` logical pixels (96 dpi) wide.
    void paintPage(QPainter *painter, const QSizeF &pageSize, const QPair<qreal, qreal> &range,
                   int pageNumber, int pageCount) const;

    // Layout of a page at 96 logical pixels to the inch.
    static constexpr qreal pageMarginX = 68; // 18 mm
    static constexpr qreal pageMarginTop = 64;
    static constexpr qreal pageMarginBottom = 72; // the page number sits in it
    // Margin around a PNG.
    static constexpr qreal imageMargin = 32;

private:
    void build(const ChronicleContent &content, qreal maxHeight);

    std::unique_ptr<QTextDocument> m_document;
    QPalette m_palette;
    QList<int> m_breakBefore; // block numbers a page may begin at
    bool m_truncated = false;
};

} // namespace ntl
