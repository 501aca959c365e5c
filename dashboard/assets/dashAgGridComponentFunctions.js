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

    /* The sentence with the figure in <mark>; the server sends it cut in three: before, mark, after. */
    dagcomponentfuncs.QuoteCell = function (props) {
        var d = props.data;
        if (!d) return null;
        var e = React.createElement;
        return e(
            "span",
            { className: "quote-cell", title: text(d.quote) },
            text(d.before),
            d.mark ? e("mark", null, text(d.mark)) : null,
            text(d.after)
        );
    };

    /* The article's title, linked when it has a web address, and its path. */
    dagcomponentfuncs.ArticleCell = function (props) {
        var d = props.data;
        if (!d) return null;
        var e = React.createElement;
        var label = text(d.article_title) || text(d.article_path);
        var url = webUrl(d.article_url);
        var head = url
            ? e("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, label)
            : e("span", null, label);
        return e("span", { className: "article-cell", title: text(d.article_path) }, head,
                 e("span", { className: "article-path" }, text(d.article_path)));
    };
})();
