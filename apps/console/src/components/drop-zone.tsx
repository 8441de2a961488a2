import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Files dropped on the box or chosen with its file input. */
export function DropZone({ name, multiple, onFiles, children }: { name: string; multiple: boolean; onFiles: (files: File[]) => void; children: ComponentChildren }) {
  const [over, setOver] = useState(false);
  return (
    <label
      class={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = Array.from(e.dataTransfer?.files ?? []);
        onFiles(multiple ? files : files.slice(0, 1));
      }}
    >
      {children}
      <input
        name={name}
        type="file"
        accept="video/*"
        multiple={multiple}
        onChange={(e) => {
          onFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
