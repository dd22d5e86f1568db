#include "plaintextimporter.h"

#include "utf8.h"

namespace ntl {

namespace {

// Line (1-based) and column (1-based, in characters) of index `at` in `text`.
void lineColumn(const QString &text, qsizetype at, int *line, int *column) {
    *line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < at && i < text.size(); ++i) {
        if (text.at(i) == u'\n') {
            ++*line;
            lineStart = i + 1;
        }
    }
    *column = int(at - lineStart) + 1;
}

bool isLineBreak(char16_t c) {
    return c == u'\n' || c == u'\r' || c == 0x85 || c == 0x2028 || c == 0x2029 || c == u'\f' ||
           c == u'\v';
}

bool isRemovedControl(char16_t c) {
    return (c < 0x20 && c != u'\t' && !isLineBreak(c)) || c == 0x7f ||
           (c >= 0x80 && c < 0xa0 && c != 0x85);
}

} // namespace

bool PlainTextImporter::decode(const QByteArray &bytes, const QString &displayName, QString *text,
                               Diagnostics *diagnostics) {
    const auto byteAt = [&](qsizetype i) {
        return quint8(bytes.at(i));
    };
    if (bytes.size() >= 4 &&
        ((byteAt(0) == 0xff && byteAt(1) == 0xfe && byteAt(2) == 0 && byteAt(3) == 0) ||
         (byteAt(0) == 0 && byteAt(1) == 0 && byteAt(2) == 0xfe && byteAt(3) == 0xff))) {
        diagnostics->append(ArticleImporter::error(
            displayName, tr("the text is UTF-32, which is not imported: save it as UTF-8")));
        return false;
    }
    if (bytes.size() >= 2 &&
        ((byteAt(0) == 0xff && byteAt(1) == 0xfe) || (byteAt(0) == 0xfe && byteAt(1) == 0xff))) {
        const bool little = byteAt(0) == 0xff;
        const qsizetype units = (bytes.size() - 2) / 2;
        text->resize(units);
        char16_t *out = reinterpret_cast<char16_t *>(text->data());
        for (qsizetype i = 0; i < units; ++i) {
            const qsizetype at = 2 + 2 * i;
            out[i] = little ? char16_t(byteAt(at) | byteAt(at + 1) << 8)
                            : char16_t(byteAt(at) << 8 | byteAt(at + 1));
        }
        // Well-formed UTF-16: every high surrogate followed by a low one, no low one alone.
        for (qsizetype i = 0; i < units; ++i) {
            const char16_t c = out[i];
            const bool high = c >= 0xd800 && c < 0xdc00;
            const bool low = c >= 0xdc00 && c < 0xe000;
            if (low || (high && (i + 1 == units || out[i + 1] < 0xdc00 || out[i + 1] >= 0xe000))) {
                int line = 0, column = 0;
                lineColumn(*text, i, &line, &column);
                diagnostics->append(
                    ArticleImporter::error(displayName,
                                           tr("not valid UTF-16%1 (at byte %2): a lone surrogate")
                                               .arg(little ? tr(" LE") : tr(" BE"))
                                               .arg(2 + 2 * i),
                                           line, column));
                return false;
            }
            if (high)
                ++i;
        }
        if ((bytes.size() - 2) % 2) {
            int line = 0, column = 0;
            lineColumn(*text, units, &line, &column);
            diagnostics->append(ArticleImporter::error(
                displayName,
                tr("not valid UTF-16%1 (at byte %2): the file ends in half a character")
                    .arg(little ? tr(" LE") : tr(" BE"))
                    .arg(bytes.size() - 1),
                line, column));
            return false;
        }
        return true;
    }
    const qsizetype bom =
        bytes.startsWith("\xef\xbb\xbf") ? 3 : 0; // skipped: it is no part of the text
    const QByteArray body = bytes.mid(bom);
    const qsizetype bad = invalidUtf8At(body);
    if (bad >= 0) {
        const QString before = QString::fromUtf8(body.left(bad));
        int line = 0, column = 0;
        lineColumn(before, before.size(), &line, &column);
        diagnostics->append(ArticleImporter::error(
            displayName,
            tr("not valid UTF-8 (at byte %1); save the text as UTF-8, or as UTF-16 with a "
               "byte-order mark")
                .arg(bom + bad),
            line, column));
        return false;
    }
    *text = QString::fromUtf8(body);
    return true;
}

bool PlainTextImporter::normalise(QString *text, const QString &displayName,
                                  Diagnostics *diagnostics,
                                  const std::function<qint64(qsizetype)> &byteOffsetOf) {
    const qsizetype nul = text->indexOf(QChar(0));
    if (nul >= 0) {
        int line = 0, column = 0;
        lineColumn(*text, nul, &line, &column);
        const qint64 byte = byteOffsetOf ? byteOffsetOf(nul) : -1;
        diagnostics->append(ArticleImporter::error(
            displayName,
            (byte >= 0 ? tr("contains a NUL character (at byte %1)").arg(byte)
                       : tr("contains a NUL character")) +
                tr(": not a text file, or UTF-16 without a byte-order mark"),
            line, column));
        return false;
    }
    QString out;
    out.reserve(text->size());
    qsizetype removed = 0;
    qsizetype firstRemoved = -1;
    const qsizetype size = text->size();
    const QChar *in = text->constData();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = in[i].unicode();
        if (c == u'\r') {
            if (i + 1 < size && in[i + 1] == u'\n')
                ++i;
            out.append(u'\n');
        } else if (isLineBreak(c)) {
            out.append(u'\n');
        } else if (isRemovedControl(c) ||
                   (QChar::isSurrogate(c) &&
                    !(QChar::isHighSurrogate(c) && i + 1 < size && in[i + 1].isLowSurrogate()))) {
            // A lone surrogate can come only from text pasted, never from a decoded file.
            if (firstRemoved < 0)
                firstRemoved = i;
            ++removed;
        } else {
            out.append(in[i]);
            if (QChar::isHighSurrogate(c)) // its low half, checked above
                out.append(in[++i]);
        }
    }
    if (removed) {
        int line = 0, column = 0;
        lineColumn(*text, firstRemoved, &line, &column);
        Diagnostic note = ArticleImporter::warning(
            displayName, (removed == 1 ? tr("%1 control character removed, at line %2, column %3")
                                       : tr("%1 control characters removed, the first at line "
                                            "%2, column %3"))
                             .arg(removed)
                             .arg(line)
                             .arg(column));
        diagnostics->append(note);
    }
    *text = std::move(out);
    return true;
}

ArticleImporter::Result PlainTextImporter::read(const QByteArray &bytes, const QString &displayName,
                                                const QDate &fallbackDate) {
    Diagnostics diagnostics;
    QString text;
    if (!decode(bytes, displayName, &text, &diagnostics))
        return {std::nullopt, diagnostics};
    const bool utf16 = bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff");
    const auto byteOffsetOf = [&](qsizetype index) -> qint64 {
        if (utf16)
            return 2 + 2 * qint64(index);
        return (bytes.startsWith("\xef\xbb\xbf") ? 3 : 0) + text.left(index).toUtf8().size();
    };
    if (!normalise(&text, displayName, &diagnostics, byteOffsetOf))
        return {std::nullopt, diagnostics};
    Article article;
    // A text's first line is very often its headline: the title until someone edits it.
    const qsizetype firstBreak = text.indexOf(u'\n');
    // A first line longer than a headline is a paragraph: the file's name is the title then.
    const QString firstLine =
        ArticleImporter::oneLine(firstBreak < 0 ? text : text.left(firstBreak));
    if (firstLine.size() <= 200)
        article.title = firstLine;
    article.text = std::move(text);
    return ArticleImporter::finish(std::move(article), diagnostics, displayName, fallbackDate);
}

} // namespace ntl
