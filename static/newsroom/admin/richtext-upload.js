// Editor uploads are checked for CSRF like any admin form: send the page's token with them.
"use strict";
window.addEventListener("load", function () {
  if (!window.CKEDITOR) {
    return;
  }
  const field = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!field) {
    return;
  }
  const withToken = function (editor) {
    editor.on("fileUploadRequest", function (event) {
      event.data.fileLoader.xhr.setRequestHeader("X-CSRFToken", field.value);
    });
  };
  Object.values(CKEDITOR.instances).forEach(withToken);
  CKEDITOR.on("instanceCreated", function (event) {
    withToken(event.editor);
  });
});
