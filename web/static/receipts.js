// The receipt field of the CRM tab's expense forms.
//
// Enhances every <div class="receipt-field" data-receipt-name="NAME"> holding an
// <input type="file" multiple>: files chosen with the input or dropped onto the div are
// uploaded one by one to POST /receipts (multipart field "file", the headers of
// <body hx-headers>, among them X-CSRF-Token); each uploaded file is listed with its name and a
// Remove button, and the div gets <input type="hidden" name="NAME" value="<Receipt id>">, so the
// form posts the receipt ids as NAME. An upload error is shown in the div's .field-error
// (role=alert). After each upload the div fires a bubbling "receipt-uploaded" event (detail: the
// receipt: id, fileName, contentType, size, isDuplicate).
(function () {
  "use strict";

  function bodyHeaders() {
    var raw = document.body && document.body.getAttribute("hx-headers");
    if (!raw) {
      return {};
    }
    try {
      var parsed = JSON.parse(raw);
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (e) {
      return {};
    }
  }

  function errorBox(field) {
    var box = field.querySelector(".field-error");
    if (!box) {
      box = document.createElement("p");
      box.className = "field-error";
      field.appendChild(box);
    }
    box.setAttribute("role", "alert");
    return box;
  }

  function fileList(field) {
    var list = field.querySelector("ul.receipt-files");
    if (!list) {
      list = document.createElement("ul");
      list.className = "receipt-files";
      list.setAttribute("aria-live", "polite");
      var box = field.querySelector(".field-error");
      field.insertBefore(list, box);
    }
    return list;
  }

  function showError(field, message) {
    var box = errorBox(field);
    box.textContent = message;
    box.hidden = false;
  }

  function clearError(field) {
    var box = field.querySelector(".field-error");
    if (box) {
      box.textContent = "";
    }
  }

  function messageOf(status, payload, fileName) {
    if (payload && payload.errors && payload.errors.length) {
      var first = payload.errors[0];
      if (first && first.message) {
        return fileName + ": " + first.message;
      }
      if (first && first.extensions && first.extensions.code === "UNAUTHENTICATED") {
        return fileName + ": sign in again to upload receipts.";
      }
    }
    if (status === 413) {
      return fileName + ": the file is too large.";
    }
    return fileName + ": the receipt could not be uploaded (error " + status + ").";
  }

  function addUploaded(field, receipt) {
    var name = field.getAttribute("data-receipt-name") || "receipt";
    var list = fileList(field);
    var item = document.createElement("li");
    item.className = "receipt-file";
    var label = document.createElement("span");
    label.className = "receipt-file-name";
    label.textContent = receipt.fileName;
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = name;
    hidden.value = receipt.id;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "secondary small";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", "Remove " + receipt.fileName);
    remove.addEventListener("click", function () {
      item.parentNode.removeChild(item);
      hidden.parentNode.removeChild(hidden);
      var input = field.querySelector("input[type='file']");
      if (input) {
        input.focus();
      }
    });
    item.appendChild(label);
    item.appendChild(document.createTextNode(" "));
    item.appendChild(remove);
    list.appendChild(item);
    field.appendChild(hidden);
    // pages may react (the Receipts Inbox reloads its list: hx-trigger="receipt-uploaded from:body")
    field.dispatchEvent(new CustomEvent("receipt-uploaded", { bubbles: true, detail: receipt }));
  }

  function upload(field, file) {
    var form = new FormData();
    form.append("file", file, file.name);
    var headers = bodyHeaders();
    headers.Accept = "application/json";
    field.classList.add("uploading");
    field.setAttribute("aria-busy", "true");
    return fetch("/receipts", {
      method: "POST",
      body: form,
      headers: headers,
      credentials: "same-origin",
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (payload) {
            if (response.ok && payload && payload.receipt) {
              addUploaded(field, payload.receipt);
            } else {
              showError(field, messageOf(response.status, payload, file.name));
            }
          });
      })
      .catch(function () {
        showError(field, file.name + ": the receipt could not be uploaded (no connection).");
      });
  }

  function uploadAll(field, files) {
    if (!files || !files.length) {
      return;
    }
    clearError(field);
    var pending = Array.prototype.slice.call(files);
    var form = field.closest("form");
    var buttons = form ? form.querySelectorAll("button") : [];
    Array.prototype.forEach.call(buttons, function (b) {
      b.setAttribute("data-receipt-disabled", b.disabled ? "was" : "now");
      b.disabled = true;
    });
    var chain = Promise.resolve();
    pending.forEach(function (file) {
      chain = chain.then(function () {
        return upload(field, file);
      });
    });
    return chain.then(function () {
      field.classList.remove("uploading");
      field.removeAttribute("aria-busy");
      Array.prototype.forEach.call(buttons, function (b) {
        if (b.getAttribute("data-receipt-disabled") === "now") {
          b.disabled = false;
        }
        b.removeAttribute("data-receipt-disabled");
      });
    });
  }

  function enhance(field) {
    if (field.getAttribute("data-receipt-ready") === "1") {
      return;
    }
    var input = field.querySelector("input[type='file']");
    if (!input) {
      return;
    }
    field.setAttribute("data-receipt-ready", "1");
    errorBox(field);
    // the files travel as receipt ids from now on; the file input itself posts nothing
    input.setAttribute("data-receipt-input-name", input.name || "");
    input.removeAttribute("name");
    input.addEventListener("change", function () {
      var files = input.files;
      uploadAll(field, files).then(function () {
        input.value = "";
      });
    });
    field.addEventListener("dragover", function (event) {
      event.preventDefault();
      field.classList.add("dragging");
    });
    field.addEventListener("dragleave", function () {
      field.classList.remove("dragging");
    });
    field.addEventListener("drop", function (event) {
      event.preventDefault();
      field.classList.remove("dragging");
      var data = event.dataTransfer;
      if (data && data.files && data.files.length) {
        uploadAll(field, data.files);
      }
    });
  }

  function enhanceAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches(".receipt-field")) {
      enhance(scope);
    }
    Array.prototype.forEach.call(scope.querySelectorAll(".receipt-field"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enhanceAll(document);
    });
  } else {
    enhanceAll(document);
  }
  // fields that htmx swaps in (a form returned with errors, + Add More Expenses)
  document.addEventListener("htmx:load", function (event) {
    enhanceAll(event.detail && event.detail.elt);
  });
})();
