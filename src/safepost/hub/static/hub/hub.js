// Progressive enhancement: every form works without this script.
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

initAll();

const form = document.getElementById("compose-form");
if (form && form.dataset.checkUrl) {
  const text = form.querySelector("#text");
  let timer = null;
  let latest = 0;

  async function refresh() {
    const ticket = ++latest;
    const body = new FormData(form);
    body.delete("images");
    const reply = await fetch(form.dataset.checkUrl, {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRFToken": body.get("csrfmiddlewaretoken") },
    });
    if (!reply.ok || ticket !== latest) return;
    const panel = document.getElementById("findings");
    panel.outerHTML = await reply.text();
  }

  const later = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
  form.addEventListener("input", later);
  form.addEventListener("change", later);

  // "Apply this fix" edits the text in place instead of reloading the page.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.hub-fix");
    if (!button || !text) return;
    event.preventDefault();
    const start = Number(button.dataset.start);
    const end = Number(button.dataset.end);
    text.value = text.value.slice(0, start) + button.dataset.replacement + text.value.slice(end);
    refresh();
  });
}
