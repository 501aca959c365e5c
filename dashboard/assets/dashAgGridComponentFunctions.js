/* Cell renderers for the evidence grid. They build React elements from plain text, so article text is
   never read as HTML: a quote holding "<script>" shows those characters and runs nothing. */
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

(function () {
    function text(v) {
        return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
    }

    function webUrl(v) {
        if (typeof v !== "string") return null;
        try {
            var u = new URL(v);
            return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
        } catch (e) {
            return null;
        }
    }

    /* The sentence around the figure, the figure in <mark>. The server sends the part a cell can show
       (q_before, mark, q_after: cut at spaces, "…" where it was cut) and the whole sentence for the tooltip. */
    function quote(d, className) {
        var e = React.createElement;
        var before = d.q_before !== undefined ? d.q_before : d.before;
        var after = d.q_after !== undefined ? d.q_after : d.after;
        return e(
            "span",
            { className: className, title: text(d.quote) },
            text(before),
            d.mark ? e("mark", null, text(d.mark)) : null,
            text(after)
        );
    }

    /* The article's title, linked when it has a web address, and its path under it; an untitled article
       shows its path once. */
    function article(d) {
        var e = React.createElement;
        var title = text(d.article_title);
        var path = text(d.article_path);
        var label = title || path;
        var url = webUrl(d.article_url);
        var head = url
            ? e("a", { className: "article-title", href: url, target: "_blank", rel: "noopener noreferrer nofollow",
                       title: label }, label)
            : e("span", { className: "article-title", title: label }, label);
        return e("span", { className: "article-cell", title: path }, head,
                 title && path ? e("span", { className: "article-path" }, path) : null);
    }

    dagcomponentfuncs.QuoteCell = function (props) {
        return props.data ? quote(props.data, "quote-cell") : null;
    };

    dagcomponentfuncs.ArticleCell = function (props) {
        return props.data ? article(props.data) : null;
    };

    /* What an empty grid says (its params.message, plain text). */
    dagcomponentfuncs.MessageOverlay = function (props) {
        return React.createElement("div", { className: "grid-message" }, text(props.message));
    };

    /* A phone's row: company, metric and figure, the sentence around it, the article. */
    dagcomponentfuncs.EvidenceCard = function (props) {
        var d = props.data;
        if (!d) return null;
        var e = React.createElement;
        var when = [text(d.as_of), d.qualifier && d.qualifier !== "exact" ? text(d.qualifier) : ""]
            .filter(Boolean).join(" · ");
        return e(
            "div",
            { className: "evidence-row-card" },
            e("div", { className: "card-head" },
              e("span", { className: "card-company" }, text(d.company)), " · ", text(d.metric_label || d.metric),
              e("span", { className: "card-figure" }, text(d.figure)),
              when ? e("span", { className: "card-when" }, when) : null),
            quote(d, "card-quote"),
            article(d)
        );
    };
})();
