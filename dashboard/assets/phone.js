/* The evidence table on a phone: below 600 px the grid shows one card column (figure, the sentence around
   it, the article) instead of eight columns that would need 1,100 px of sideways scrolling. Sorting,
   filtering and the CSV download work the same on either layout. */
(function () {
    var GRID = "evidence-grid";
    var WIDE = ["company", "metric", "figure", "qualifier", "as_of", "published", "quote", "article"];
    var phone = window.matchMedia("(max-width: 600px)");

    function apply(api) {
        var narrow = phone.matches;
        api.setColumnsVisible(WIDE, !narrow);
        api.setColumnsVisible(["card"], narrow);
        api.setGridOption("domLayout", narrow ? "autoHeight" : "normal");
        api.setGridOption("paginationPageSize", narrow ? 10 : 20);
        api.resetRowHeights();
        var host = document.getElementById(GRID);
        if (host) host.classList.toggle("phone-grid", narrow);
    }

    function whenReady(tries) {
        var dag = window.dash_ag_grid;
        if (dag && dag.getApiAsync && document.getElementById(GRID)) {
            dag.getApiAsync(GRID).then(function (api) {
                apply(api);
                phone.addEventListener("change", function () { apply(api); });
            });
        } else if (tries > 0) {
            setTimeout(function () { whenReady(tries - 1); }, 100);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { whenReady(300); });
    } else {
        whenReady(300);
    }
})();
