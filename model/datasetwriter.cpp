#include "datasetwriter.h"

#include "checkedsavefile.h"
#include "codepointindex.h"
#include "regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <cerrno>
#include <sys/stat.h>

namespace ntl {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DatasetWriter", text);
}

constexpr qsizetype flushSize = 1 << 20; // bytes buffered before they go to the file
constexpr qsizetype progressStep = 1000; // events between two progress reports

// Pretty-printed JSON as nlohmann's dump(2) writes it (the canonical form predates this
// writer): 2-space indentation, "key": value, empty containers as [] and {}, strings in
// UTF-8 with only '"', '\\' and control characters escaped. Bytes collect in a buffer
// that goes to `file` (when there is one) a megabyte at a time.
class JsonStream {
public:
    explicit JsonStream(CheckedSaveFile *file)
        : m_file(file) {
        m_buffer.reserve(file ? flushSize + 64 * 1024 : 0);
    }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    void key(const char *name) {
        Level &level = m_levels.back();
        if (!level.empty)
            m_buffer += ',';
        level.empty = false;
        m_buffer += '\n';
        indent();
        m_buffer += '"';
        m_buffer += name;
        m_buffer += "\": ";
        m_afterKey = true;
    }

    void string(const QString &value) {
        prefix();
        // Most strings are ASCII: written straight from UTF-16, without a UTF-8 copy.
        const char16_t *u = reinterpret_cast<const char16_t *>(value.constData());
        const qsizetype n = value.size();
        qsizetype size = n + 2;
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = u[i];
            if (c >= 0x80)
                return nonAscii(value);
            if (c < 0x20 || c == u'"' || c == u'\\')
                size += escapedSize(c) - 1;
        }
        const qsizetype at = m_buffer.size();
        m_buffer.resize(at + size);
        char *out = m_buffer.data() + at;
        *out++ = '"';
        for (qsizetype i = 0; i < n; ++i) {
            const auto c = static_cast<unsigned char>(u[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                *out++ = char(c);
            else
                out = escape(c, out);
        }
        *out = '"';
    }
    void latin1(const char *value) { string(QString::fromLatin1(value)); }
    // null for an empty value (the format's nullable fields).
    void nullable(const QString &value) {
        if (value.isEmpty()) {
            prefix();
            m_buffer += "null";
        } else {
            string(value);
        }
    }
    // YYYY-MM-DD as QDate::toString(Qt::ISODate) writes years 0–9999, without a QString.
    void date(const QDate &value) {
        int year = 0, month = 0, day = 0;
        if (value.isValid())
            value.getDate(&year, &month, &day);
        if (year < 0 || year > 9999)
            return string(value.toString(Qt::ISODate));
        prefix();
        if (!value.isValid()) {
            m_buffer += "\"\"";
            return;
        }
        const char text[] = {'"',
                             char('0' + year / 1000),
                             char('0' + year / 100 % 10),
                             char('0' + year / 10 % 10),
                             char('0' + year % 10),
                             '-',
                             char('0' + month / 10),
                             char('0' + month % 10),
                             '-',
                             char('0' + day / 10),
                             char('0' + day % 10),
                             '"'};
        m_buffer.append(text, sizeof text);
    }
    void number(qint64 value) {
        prefix();
        char digits[24];
        char *end = digits + sizeof digits;
        char *p = end;
        const bool negative = value < 0;
        quint64 magnitude = negative ? 0 - quint64(value) : quint64(value);
        do {
            *--p = char('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude);
        if (negative)
            *--p = '-';
        m_buffer.append(p, end - p);
    }

    // Hands what is buffered to the file once a megabyte has collected.
    bool flushIfFull(QString *reason) { return m_buffer.size() < flushSize || flush(reason); }
    bool flush(QString *reason) {
        if (!m_file || m_buffer.isEmpty())
            return true;
        const bool ok = m_file->write(m_buffer, reason);
        m_buffer.clear();
        return ok;
    }
    QByteArray &bytes() { return m_buffer; }

private:
    static qsizetype escapedSize(unsigned char c) {
        switch (c) {
        case '"':
        case '\\':
        case '\b':
        case '\f':
        case '\n':
        case '\r':
        case '\t':
            return 2;
        default:
            return 6; // \u00XX
        }
    }
    static char *escape(unsigned char c, char *out) {
        static const char hex[] = "0123456789abcdef";
        *out++ = '\\';
        switch (c) {
        case '"':
            *out++ = '"';
            break;
        case '\\':
            *out++ = '\\';
            break;
        case '\b':
            *out++ = 'b';
            break;
        case '\f':
            *out++ = 'f';
            break;
        case '\n':
            *out++ = 'n';
            break;
        case '\r':
            *out++ = 'r';
            break;
        case '\t':
            *out++ = 't';
            break;
        default:
            *out++ = 'u';
            *out++ = '0';
            *out++ = '0';
            *out++ = hex[c >> 4];
            *out++ = hex[c & 0xf];
        }
        return out;
    }
    // As QString::toUtf8 encodes it, escaped.
    void nonAscii(const QString &value) {
        const QByteArray utf8 = value.toUtf8();
        m_buffer += '"';
        const char *begin = utf8.constData();
        const char *end = begin + utf8.size();
        const char *run = begin;
        char escaped[6];
        for (const char *p = begin; p != end; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_buffer.append(run, p - run);
            run = p + 1;
            m_buffer.append(escaped, escape(c, escaped) - escaped);
        }
        m_buffer.append(run, end - run);
        m_buffer += '"';
    }

    struct Level {
        bool empty = true;
    };
    void prefix() {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_levels.empty())
            return;
        Level &level = m_levels.back(); // in an array
        if (!level.empty)
            m_buffer += ',';
        level.empty = false;
        m_buffer += '\n';
        indent();
    }
    void open(char bracket) {
        prefix();
        m_buffer += bracket;
        m_levels.push_back({});
    }
    void close(char bracket) {
        const bool empty = m_levels.back().empty;
        m_levels.pop_back();
        if (!empty) {
            m_buffer += '\n';
            indent();
        }
        m_buffer += bracket;
    }
    void indent() { m_buffer.append(2 * qsizetype(m_levels.size()), ' '); }

    CheckedSaveFile *m_file;
    QByteArray m_buffer;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

// One CodePointIndex per article, built when first needed.
class ArticleOffsets {
public:
    explicit ArticleOffsets(const Dataset &dataset)
        : m_dataset(dataset) {}
    const CodePointIndex &of(const QString &articleId) {
        auto it = m_indexes.find(articleId);
        if (it == m_indexes.end()) {
            const Article *article = m_dataset.article(articleId);
            it = m_indexes.insert(
                articleId, CodePointIndex(article ? QStringView(article->text) : QStringView()));
        }
        return *it;
    }

private:
    const Dataset &m_dataset;
    QHash<QString, CodePointIndex> m_indexes;
};

void writeArticle(JsonStream &json, const Article &article, const QString &textFile) {
    json.beginObject();
    json.key("id");
    json.string(article.id);
    json.key("title");
    json.string(article.title);
    json.key("publisher");
    json.nullable(article.publisher);
    json.key("url");
    json.nullable(article.url);
    json.key("published");
    json.date(article.published);
    json.key("publishedBasis");
    json.latin1(article.publishedInferred ? "inferred" : "stated");
    if (textFile.isEmpty()) {
        json.key("text");
        json.string(article.text);
    } else {
        json.key("textFile");
        json.string(textFile);
    }
    if (!article.textSha256.isEmpty()) {
        json.key("textSha256");
        json.string(article.textSha256);
    }
    json.endObject();
}

void writeActor(JsonStream &json, const Actor &actor) {
    json.beginObject();
    json.key("id");
    json.string(actor.id);
    json.key("name");
    json.string(actor.name);
    json.key("kind");
    json.string(jsonName(actor.kind));
    json.key("side");
    json.nullable(actor.sideId);
    json.key("affiliation");
    json.nullable(actor.affiliationId);
    json.key("title");
    json.nullable(actor.title);
    json.endObject();
}

void writeEvent(JsonStream &json, const Event &event, ArticleOffsets &offsets) {
    json.beginObject();
    json.key("id");
    json.string(event.id);
    json.key("title");
    json.string(event.title);
    json.key("summary");
    json.string(event.summary);
    json.key("kind");
    json.string(event.kind);
    json.key("status");
    json.string(jsonName(event.status));
    json.key("date");
    json.beginObject();
    json.key("start");
    json.date(event.date.start);
    json.key("end");
    json.date(event.date.end);
    json.key("precision");
    json.string(jsonName(event.date.precision));
    json.key("expression");
    json.nullable(event.date.expression);
    json.key("basis");
    json.string(jsonName(event.date.basis));
    json.key("anchor");
    json.nullable(event.date.anchorArticleId);
    json.key("note");
    json.nullable(event.date.note);
    json.endObject();
    json.key("place");
    json.nullable(event.place);
    json.key("participants");
    json.beginArray();
    for (const Participant &p : event.participants) {
        json.beginObject();
        json.key("actor");
        json.string(p.actorId);
        json.key("role");
        json.string(jsonName(p.role));
        json.endObject();
    }
    json.endArray();
    json.key("sources");
    json.beginArray();
    for (const SourcePassage &s : event.sources) {
        const CodePointIndex &index = offsets.of(s.articleId);
        json.beginObject();
        json.key("article");
        json.string(s.articleId);
        json.key("exact");
        json.string(s.exact);
        json.key("prefix");
        json.string(s.prefix);
        json.key("suffix");
        json.string(s.suffix);
        json.key("start");
        json.number(index.toCodePoint(s.start));
        json.key("end");
        json.number(index.toCodePoint(s.end));
        json.endObject();
    }
    json.endArray();
    json.key("disagreements");
    json.beginArray();
    for (const Disagreement &d : event.disagreements) {
        json.beginObject();
        json.key("topic");
        json.string(d.topic);
        json.key("claims");
        json.beginArray();
        for (const Claim &c : d.claims) {
            json.beginObject();
            json.key("article");
            json.string(c.articleId);
            json.key("exact");
            json.string(c.exact);
            json.key("says");
            json.string(c.says);
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }
    json.endArray();
    json.key("note");
    json.nullable(event.note);
    json.endObject();
}

// The whole document into `json`, flushing as it goes. False with `reason` when a write
// failed or `progress` cancelled.
bool writeDocument(JsonStream &json, const Dataset &dataset, const QStringList &textFiles,
                   const DatasetWriter::Progress &progress, QString *reason) {
    json.beginObject();
    json.key("format");
    json.latin1("negotiation-timeline");
    json.key("version");
    json.number(1);
    json.key("title");
    json.string(dataset.title);
    json.key("offsetUnit");
    json.latin1("codepoint");
    json.key("sides");
    json.beginArray();
    for (const Side &side : dataset.sides) {
        json.beginObject();
        json.key("id");
        json.string(side.id);
        json.key("name");
        json.string(side.name);
        if (!side.color
                 .isEmpty()) { // written only when set, so files without colours stay as they were
            json.key("color");
            json.string(side.color);
        }
        json.endObject();
    }
    json.endArray();
    json.key("articles");
    json.beginArray();
    for (qsizetype i = 0; i < dataset.articles.size(); ++i) {
        writeArticle(json, dataset.articles.at(i), textFiles.value(i));
        if (!json.flushIfFull(reason))
            return false;
    }
    json.endArray();
    json.key("actors");
    json.beginArray();
    for (const Actor &actor : dataset.actors)
        writeActor(json, actor);
    json.endArray();
    json.key("events");
    json.beginArray();
    ArticleOffsets offsets(dataset);
    const qsizetype total = dataset.events.size();
    for (qsizetype i = 0; i < total; ++i) {
        writeEvent(json, dataset.events.at(i), offsets);
        if (!json.flushIfFull(reason))
            return false;
        if (progress && (i + 1) % progressStep == 0 && !progress(i + 1, total)) {
            *reason = tr("cancelled");
            return false;
        }
    }
    json.endArray();
    json.endObject();
    json.bytes() += '\n';
    if (progress && !progress(total, total)) {
        *reason = tr("cancelled");
        return false;
    }
    return json.flush(reason);
}

// A name the reader accepts for a text file and that stays where it says: relative,
// no control character, no "." or ".." component, no empty component.
bool isSafeTextFileName(const QString &name) {
    if (name.isEmpty() || name.size() > 1000 || name.startsWith(u'/') || name.startsWith(u':') ||
        RegularFile::hasControlCharacter(name))
        return false;
    const QStringList parts = name.split(u'/');
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    }
    return true;
}

// articles/ID.txt with the id reduced to characters safe in any file system.
QString generatedTextFileName(const QString &articleId) {
    QString stem;
    for (const QChar c : articleId.left(100)) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                           (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.';
        stem += plain ? c : QChar(u'_');
    }
    while (stem.startsWith(u'.'))
        stem[0] = u'_';
    if (stem.isEmpty())
        stem = QStringLiteral("article");
    return QStringLiteral("articles/") + stem;
}

// Writes one text file inside `folder`, through no link: the reader refuses a link that
// leads outside, and a save must never write outside the dataset's folder.
bool writeTextFile(const QString &folder, const QString &relative, const QString &text,
                   QString *reason) {
    const QString path = folder + u'/' + relative;
    const QStringList parts = relative.split(u'/');
    QString sofar = folder;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        sofar += u'/' + parts.at(i);
        struct stat info {};
        if (::lstat(QFile::encodeName(sofar).constData(), &info) != 0) {
            if (errno != ENOENT) {
                *reason = tr("cannot check %1: %2").arg(sofar, RegularFile::describe(errno));
                return false;
            }
            if (i + 1 < parts.size() && !QDir().mkdir(sofar)) {
                *reason = tr("cannot create the folder %1").arg(sofar);
                return false;
            }
            continue;
        }
        if (S_ISLNK(info.st_mode)) {
            *reason = tr("%1 is a link; article texts are written only inside the dataset's folder")
                          .arg(sofar);
            return false;
        }
    }
    CheckedSaveFile file;
    return file.open(path, reason) && file.write(text.toUtf8(), reason) && file.commit(reason);
}

} // namespace

QStringList DatasetWriter::textFileNames(const Dataset &dataset, const Options &options,
                                         const QString &datasetFileName) {
    QStringList names;
    names.reserve(dataset.articles.size());
    // One text per name, compared case-insensitively (a case-insensitive file system
    // would otherwise merge two of them).
    QHash<QString, const QString *> texts;
    texts.insert(datasetFileName.toCaseFolded(), nullptr);
    const auto claim = [&](const QString &name, const QString &text) {
        const QString folded = name.toCaseFolded();
        const auto it = texts.constFind(folded);
        if (it == texts.cend()) {
            texts.insert(folded, &text);
            return true;
        }
        return *it && **it == text;
    };
    for (const Article &article : dataset.articles) {
        const bool inlineText =
            options.texts == ArticleTexts::Inline ||
            (options.texts == ArticleTexts::AsRead && article.textFile.isEmpty());
        if (inlineText) {
            names.append(QString());
            continue;
        }
        if (isSafeTextFileName(article.textFile) && claim(article.textFile, article.text)) {
            names.append(article.textFile);
            continue;
        }
        const QString stem = generatedTextFileName(article.id);
        QString name = stem + QStringLiteral(".txt");
        for (int n = 2; !claim(name, article.text); ++n)
            name = stem + QStringLiteral("-%1.txt").arg(n);
        names.append(name);
    }
    return names;
}

QByteArray DatasetWriter::toJson(const Dataset &dataset, const Options &options) {
    JsonStream json(nullptr);
    QString reason;
    writeDocument(json, dataset, textFileNames(dataset, options, QString()), {}, &reason);
    return std::move(json.bytes());
}

bool DatasetWriter::write(const Dataset &dataset, const QString &path, const Options &options,
                          QString *error, const Progress &progress) {
    const auto fail = [&](const QString &file, const QString &reason) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(file, reason);
        return false;
    };
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    const QStringList textFiles = textFileNames(dataset, options, info.fileName());
    QString reason;
    // The texts first: a dataset on disk never names a text file that is not there yet.
    QSet<QString> written;
    for (qsizetype i = 0; i < textFiles.size(); ++i) {
        const QString &name = textFiles.at(i);
        if (name.isEmpty() || written.contains(name))
            continue;
        written.insert(name);
        if (!writeTextFile(folder, name, dataset.articles.at(i).text, &reason))
            return fail(path, tr("article text %1: %2").arg(name, reason));
    }
    CheckedSaveFile file;
    if (!file.open(path, &reason))
        return fail(path, reason);
    JsonStream json(&file);
    if (!writeDocument(json, dataset, textFiles, progress, &reason) || !file.commit(&reason))
        return fail(path, reason);
    return true;
}

bool DatasetWriter::write(const std::shared_ptr<const Dataset> &snapshot, const QString &path,
                          const Options &options, QString *error, const Progress &progress) {
    if (!snapshot) {
        if (error)
            *error = tr("%1: cannot write: no dataset").arg(path);
        return false;
    }
    return write(*snapshot, path, options, error, progress);
}

bool DatasetWriter::writeFile(const Dataset &dataset, const QString &path, QString *errorMessage) {
    return write(dataset, path, Options(), errorMessage);
}

} // namespace ntl
